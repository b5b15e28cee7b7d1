using DominantColors.Frames;
using DominantColors.Lights;
using DominantColors.Palettes;

namespace DominantColors.Extract;

/// <summary>
/// What one thread needs to cluster a picture: a <see cref="PaletteExtractor"/> for the palette and a
/// <see cref="ForegroundSplit"/> for the foreground and background palettes. Not thread-safe; rent one per call.
/// </summary>
internal sealed class ExtractWorker(ExtractionOptions options)
{
    private readonly PaletteExtractor _extractor = new(options);
    private readonly ForegroundSplit _split = new(options);

    public PaletteExtractor Extractor => _extractor;

    /// <summary>The palette of <paramref name="image"/> with its roles, recorded as <paramref name="file"/> of the given size.</summary>
    public PaletteRecord Cluster(string file, int width, int height, Rgb24Image image, TimeProvider time)
    {
        var start = time.GetTimestamp();
        var palette = _extractor.Extract(image);
        var milliseconds = time.GetElapsedTime(start).TotalMilliseconds;

        // Each picture is its own scene: the split's trackers start cold rather than from the previous picture.
        _split.Reset();
        _split.Update(image);
        return WithRoles(new PaletteRecord(file, width, height, palette.Entries.ToArray(), milliseconds), palette, _split);
    }

    /// <summary>
    /// <paramref name="record"/> with the accent of <paramref name="palette"/> (the daemon's <c>accent</c> pick, with no
    /// filter) and, when <paramref name="split"/> is given, the foreground and background it last saw, copied.
    /// </summary>
    public static PaletteRecord WithRoles(PaletteRecord record, Palette palette, ForegroundSplit? split) => record with
    {
        Accent = palette.IsEmpty ? null : LightPick.Accent.Select(palette),
        Foreground = split?.Foreground.Entries.ToArray(),
        Background = split?.Background.Entries.ToArray(),
    };
}
