using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using DominantColors.Extract;
using DominantColors.Frames;
using DominantColors.Palettes;
using DominantColors.Sources.Decoders;
using DominantColors.Testing.Imaging;

namespace DominantColors.Benchmarks.Extract;

/// <summary>
/// <c>dominant-colors extract</c> on a batch of 12-megapixel JPEGs: the whole batch with --jobs 1 and 2, with each
/// <c>--jpeg-decoder</c> (images/s = <see cref="Images"/> / time), and one image's decode and clustering apart, to
/// show which dominates. <see cref="DecodeFfmpegLowres"/> is one ffmpeg process per JPEG at 1/8 scale in the DCT
/// domain (-lowres 3), start-up included; <c>--jpeg-decoder ffmpeg</c> keeps one ffmpeg per job for the batch.
/// </summary>
[MemoryDiagnoser]
public class ExtractBatchBenchmarks
{
    public const int Images = 8;

    private string[] _files = [];
    private DecodedImage? _decoded;
    private readonly ImageFileDecoder _decoder = new();
    private readonly PaletteExtractor _extractor = new(new ExtractionOptions { Colors = 3 });

    [GlobalSetup]
    public void Setup()
    {
        var folder = Path.Combine(Path.GetTempPath(), "dominant-colors-bench-12mp");
        _files = PhotoBatch.Create(folder, Images);
        _decoded = _decoder.Decode(_files[0]);
    }

    [GlobalCleanup]
    public void Cleanup() => _decoded?.Dispose();

    [Benchmark(OperationsPerInvoke = Images)]
    [Arguments(1, "imagesharp")]
    [Arguments(2, "imagesharp")]
    [Arguments(1, "ffmpeg")]
    [Arguments(2, "ffmpeg")]
    public async Task<int> Batch(int jobs, string decoder)
    {
        var kind = decoder == "ffmpeg" ? JpegDecoderKind.Ffmpeg : JpegDecoderKind.ImageSharp;
        var settings = new ExtractSettings { Jobs = jobs, Format = ExtractFormat.Json, JpegDecoder = kind };
        var batch = new ExtractBatch(settings, TextWriter.Null, TextWriter.Null, TimeProvider.System, swatches: false, progress: false);
        return await batch.RunAsync(_files, CancellationToken.None);
    }

    [Benchmark]
    public int DecodeOnly()
    {
        using var image = _decoder.Decode(_files[1]);
        return image.Width;
    }

    [Benchmark]
    public int ClusterOnly()
    {
        var image = _decoded!;
        return _extractor.Extract(new Rgb24Image(image.Pixels, image.Width, image.Height, image.Stride)).Count;
    }

    [Benchmark]
    public long DecodeFfmpegLowres()
    {
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (string[])["-hide_banner", "-nostdin", "-loglevel", "error", "-lowres", "3", "-i", _files[1], "-f", "rawvideo", "-pix_fmt", "rgb24", "pipe:1"])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        using var sink = new MemoryStream();
        process.StandardOutput.BaseStream.CopyTo(sink);
        process.WaitForExit();
        return sink.Length;
    }
}
