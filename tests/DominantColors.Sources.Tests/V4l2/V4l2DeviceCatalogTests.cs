using DominantColors.Sources.Tests.Fakes;
using DominantColors.Sources.V4l2;

namespace DominantColors.Sources.Tests.V4l2;

public sealed class V4l2DeviceCatalogTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("dominant-colors-dev-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void List_NoVideoNodes_IsEmpty()
    {
        var catalog = new V4l2DeviceCatalog(_directory, path => throw new InvalidOperationException($"nothing to open, asked for {path}"));

        var devices = catalog.List(out var problems);

        Assert.Empty(devices);
        Assert.Empty(problems);
    }

    [Fact]
    public void List_CaptureAndMetadataNodes_ListsCaptureNodesInNumberOrderWithFormatsSizesAndRates()
    {
        foreach (var name in new[] { "video10", "video1", "video0", "video2" })
        {
            File.WriteAllText(Path.Combine(_directory, name), "");
        }

        IV4l2Device Open(string path) => Path.GetFileName(path) switch
        {
            "video1" => new FakeV4l2Device(path, V4l2PixelFormats.Yuyv, 64, 36, 128) { CanCapture = false },
            "video2" => throw new V4l2Exception("open", path, 16),
            _ => new FakeV4l2Device(path, V4l2PixelFormats.Yuyv, 1920, 1080, 3840, V4l2PixelFormats.Mjpeg),
        };

        var devices = new V4l2DeviceCatalog(_directory, Open).List(out var problems);

        Assert.Equal(["video0", "video10"], devices.Select(d => Path.GetFileName(d.Path)));
        Assert.Equal(["YUYV", "MJPG"], devices[0].Formats.Select(f => f.FourCc));
        Assert.Equal([(960, 540), (1920, 1080)], devices[0].Formats[0].Sizes.Select(s => (s.Width, s.Height)));
        Assert.Equal([60.0, 30.0], devices[0].Formats[0].Sizes[1].FrameRates);
        Assert.Contains("video2", Assert.Single(problems), StringComparison.Ordinal);
    }
}
