using BenchmarkDotNet.Attributes;
using DominantColors.Sources.V4l2;

namespace DominantColors.Benchmarks.Capture;

/// <summary>The native V4L2 path: one 1080p capture buffer area-averaged into a 64x36 RGB24 frame.</summary>
[MemoryDiagnoser]
public class YuvConversionBenchmarks
{
    private YuvFrameConverter _converter = null!;
    private byte[] _source = [];
    private byte[] _rgb = [];

    [Params(V4l2PixelFormats.Yuyv, V4l2PixelFormats.Nv12)]
    public uint Format { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var bytesPerLine = Format == V4l2PixelFormats.Nv12 ? 1920 : 3840;
        _converter = new YuvFrameConverter(Format, 1920, 1080, bytesPerLine, 64, 36);
        _source = new byte[_converter.RequiredBytes];
        new Random(1080).NextBytes(_source);
        _rgb = new byte[64 * 36 * 3];
    }

    [Benchmark]
    public void Convert1080pTo64x36() => _converter.Convert(_source, _rgb);
}
