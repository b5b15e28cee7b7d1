using DominantColors.Frames;
using DominantColors.Palettes;

namespace DominantColors.PeerComparison;

/// <summary>
/// Our engine without the tracker: every frame of the sequence clustered cold by a <see cref="PaletteExtractor"/>
/// with extract's default options, so the sequence table shows what warm starts add over our own cold start.
/// </summary>
internal static class ColdBaseline
{
    public const string Name = "ours-cold";

    public static List<ToolPalette> Run(TestData data, IEnumerable<int> ks)
    {
        ArgumentNullException.ThrowIfNull(data);
        var sequence = data.Sequence;
        var frames = Enumerable.Range(0, sequence.Frames).Select(f => data.ReadFrame(sequence, f)).ToArray();
        var time = TimeProvider.System;
        var palettes = new List<ToolPalette>();
        foreach (var k in ks)
        {
            var extractor = new PaletteExtractor(new ExtractionOptions { Colors = k });
            extractor.Extract(new Rgb24Image(frames[0], sequence.Width, sequence.Height));
            for (var f = 0; f < frames.Length; f++)
            {
                var start = time.GetTimestamp();
                var palette = extractor.Extract(new Rgb24Image(frames[f], sequence.Width, sequence.Height));
                var milliseconds = time.GetElapsedTime(start).TotalMilliseconds;
                var entries = palette.Entries.ToArray();
                palettes.Add(new ToolPalette(
                    Name, sequence.File, k, f, [.. entries.Select(e => e.Color)], [.. entries.Select(e => (double)e.Weight)], milliseconds));
            }
        }

        return palettes;
    }
}
