using DominantColors.Frames;
using DominantColors.Palettes;

namespace DominantColors.Extract;

/// <summary>
/// The palettes of the frames of one video (or multi-frame raw file), in order: each frame is warm-started from
/// the previous one by a <see cref="PaletteTracker"/>, so cluster colors stay put from frame to frame, and a
/// <see cref="FrameMosaic"/> of all frames gives the palette of the whole sequence at the end.
/// </summary>
internal sealed class SequenceExtraction
{
    private readonly string _file;
    private readonly PaletteTracker _tracker;
    private readonly ForegroundSplit _split;
    private readonly FrameMosaic _mosaic = new();
    private readonly List<PaletteRecord> _records = [];
    private readonly TimeProvider _time;
    private double _milliseconds;
    private int _width;
    private int _height;

    public SequenceExtraction(string file, ExtractionOptions options, TimeProvider time)
    {
        _file = file;
        _tracker = new PaletteTracker(options);
        _split = new ForegroundSplit(options);
        _time = time;
    }

    public void Add(ReadOnlySpan<byte> pixels, int width, int height, long frame, double? pts)
    {
        var start = _time.GetTimestamp();
        var palette = _tracker.Update(new Rgb24Image(pixels, width, height));
        var milliseconds = _time.GetElapsedTime(start).TotalMilliseconds;

        // The trackers reuse their palettes for the next frame, so the entries are copied; the split is warm-started
        // from frame to frame like the palette.
        var image = new Rgb24Image(pixels, width, height);
        _split.Update(image);
        var record = new PaletteRecord(_file, width, height, palette.Entries.ToArray(), milliseconds, frame, pts);
        _records.Add(ExtractWorker.WithRoles(record, palette, _split));
        _mosaic.Add(pixels, width, height);
        _milliseconds += milliseconds;
        _width = width;
        _height = height;
    }

    /// <summary>The outcome: every frame's palette, and the palette of the whole sequence clustered cold by <paramref name="extractor"/>.</summary>
    public InputOutcome Finish(PaletteExtractor extractor)
    {
        ArgumentNullException.ThrowIfNull(extractor);
        var start = _time.GetTimestamp();
        var palette = extractor.Extract(new Rgb24Image(_mosaic.Pixels, _mosaic.SamplesPerFrame, _mosaic.Rows));
        var milliseconds = _time.GetElapsedTime(start).TotalMilliseconds;
        var summary = ExtractWorker.WithRoles(
            new PaletteRecord(_file, _width, _height, palette.Entries.ToArray(), _milliseconds + milliseconds), palette, split: null);
        return new InputOutcome(_file, _records, summary, null);
    }
}
