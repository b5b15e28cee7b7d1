using DominantColors.Extract;
using DominantColors.Tests.Samples;
using SixLabors.ImageSharp;
using ImageRgb24 = SixLabors.ImageSharp.PixelFormats.Rgb24;

namespace DominantColors.Tests.Extract;

/// <summary><c>--barcode</c>: a video's frames as columns, each its palette stacked by weight.</summary>
public sealed class ExtractBarcodeTests : IDisposable
{
    private readonly TestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Barcode_RedThenBlueVideo_OneColumnPerFrameInItsColor()
    {
        var video = _folder.Combine("red-blue.mkv");
        await TestFolder.FfmpegAsync(
            "-f", "lavfi", "-i", "nullsrc",
            "-filter_complex", "color=c=0xff0000:s=64x36:r=10:d=0.3[a];color=c=0x0000ff:s=64x36:r=10:d=0.2[b];[a][b]concat=n=2:v=1,format=bgr0[out]",
            "-map", "[out]", "-c:v", "ffv1", video);
        var barcode = _folder.Combine("bars.png");

        var run = await ExtractRun.RunAsync("-k", "1", "--barcode", barcode, video);

        Assert.Equal(0, run.ExitCode);
        using var image = Image.Load<ImageRgb24>(barcode);
        Assert.Equal(5, image.Width);
        Assert.Equal(MovieBarcode.Height, image.Height);
        Assert.Equal(new ImageRgb24(255, 0, 0), image[0, 0]);
        Assert.Equal(new ImageRgb24(255, 0, 0), image[2, MovieBarcode.Height - 1]);
        Assert.Equal(new ImageRgb24(0, 0, 255), image[3, 0]);
        Assert.Equal(new ImageRgb24(0, 0, 255), image[4, MovieBarcode.Height - 1]);
    }

    [Fact]
    public void Png_TwoColorsPerFrame_StackedHeaviestOnTopByShare()
    {
        var red = new Palettes.PaletteEntry(new Colors.Rgb24(255, 0, 0), default, 0.75f);
        var blue = new Palettes.PaletteEntry(new Colors.Rgb24(0, 0, 255), default, 0.25f);
        var frame = new PaletteRecord("v.mp4", 4, 4, [red, blue], 0, Frame: 0);

        using var image = Image.Load<ImageRgb24>(MovieBarcode.Png([frame])!);

        var edge = MovieBarcode.Height * 3 / 4;
        Assert.Equal(new ImageRgb24(255, 0, 0), image[0, edge - 1]);
        Assert.Equal(new ImageRgb24(0, 0, 255), image[0, edge]);
    }

    [Theory]
    [InlineData("/out/bars.png", "/v/trailer.mp4", true, "/out/bars.png")]
    [InlineData("/out/bars.png", "/v/trailer.mp4", false, "/out/bars-trailer.png")]
    public void BarcodePath_OneOrSeveralVideos_NamesEach(string barcode, string video, bool oneVideo, string expected) =>
        Assert.Equal(expected, ExtractSinks.BarcodePath(barcode, video, oneVideo));
}
