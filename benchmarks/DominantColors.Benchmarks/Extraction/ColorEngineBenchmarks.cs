using BenchmarkDotNet.Attributes;
using DominantColors.Frames;
using DominantColors.Palettes;
using DominantColors.Testing.Imaging;

namespace DominantColors.Benchmarks.Extraction;

/// <summary>
/// The color engine at k = 8 on generated frames (two-color gradient, blobs, ±12 noise). Warm benchmarks cycle
/// through eight frames of one scene whose noise differs and whose blobs drift, as video does; each call is one frame.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class ColorEngineBenchmarks
{
    private const int FrameCount = 8;
    private readonly ExtractionOptions _options = new() { Colors = 8 };
    private byte[][] _hd = [];
    private byte[][] _small = [];
    private byte[][] _tiny = [];
    private PaletteExtractor _extractor = null!;
    private PaletteTracker _hdTracker = null!;
    private PaletteTracker _smallTracker = null!;
    private PaletteTracker _tinyTracker = null!;
    private int _frame;

    [GlobalSetup]
    public void Setup()
    {
        _hd = Frames(1920, 1080);
        _small = Frames(320, 180);
        _tiny = Frames(64, 36);
        _extractor = new PaletteExtractor(_options);
        _hdTracker = Warmed(_hd, 1920, 1080);
        _smallTracker = Warmed(_small, 320, 180);
        _tinyTracker = Warmed(_tiny, 64, 36);
    }

    [Benchmark(Description = "1920x1080 cold")]
    public Palette Cold1080p() => _extractor.Extract(new Rgb24Image(_hd[0], 1920, 1080));

    [Benchmark(Description = "1920x1080 warm")]
    public Palette Warm1080p() => _hdTracker.Update(new Rgb24Image(Next(_hd), 1920, 1080));

    [Benchmark(Description = "320x180 warm")]
    public Palette Warm320x180() => _smallTracker.Update(new Rgb24Image(Next(_small), 320, 180));

    [Benchmark(Description = "64x36 warm")]
    public Palette Warm64x36() => _tinyTracker.Update(new Rgb24Image(Next(_tiny), 64, 36));

    private static byte[][] Frames(int width, int height) =>
        [.. Enumerable.Range(0, FrameCount).Select(f => SyntheticFrames.Scene(width, height, scene: 2, frame: f))];

    private PaletteTracker Warmed(byte[][] frames, int width, int height)
    {
        var tracker = new PaletteTracker(_options);
        foreach (var frame in frames)
        {
            tracker.Update(new Rgb24Image(frame, width, height));
        }

        return tracker;
    }

    private byte[] Next(byte[][] frames) => frames[_frame++ % FrameCount];
}
