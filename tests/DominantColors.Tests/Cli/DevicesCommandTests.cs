using DominantColors.Cli;
using DominantColors.Sources.V4l2;

namespace DominantColors.Tests.Cli;

public sealed class DevicesCommandTests
{
    [Fact]
    public async Task RunAsync_Devices_ExitsWithSuccess()
    {
        var exitCode = await CommandLineApp.RunAsync(["devices"]);

        Assert.Equal(ExitCodes.Success, exitCode);
    }

    [Fact]
    public void Write_NoDevices_SaysSoClearly()
    {
        using var output = new StringWriter();

        DevicesCommand.Write([], output);

        Assert.StartsWith("No V4L2 capture devices found", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Write_Grabber_ListsFormatsSizesRatesAndWhichSourceTypeReadsEach()
    {
        var device = new V4l2DeviceInfo("/dev/video0", "USB3 Video", "uvcvideo", "usb-0000:00:14.0-1", [
            new V4l2FormatInfo("MJPG", "Motion-JPEG", true, [new V4l2SizeInfo(1920, 1080, [60, 30])]),
            new V4l2FormatInfo("YUYV", "YUYV 4:2:2", false, [new V4l2SizeInfo(1280, 720, [10]), new V4l2SizeInfo(640, 480, [])]),
        ]);
        using var output = new StringWriter();

        DevicesCommand.Write([device], output);

        var lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
            [
                "/dev/video0  USB3 Video (uvcvideo, usb-0000:00:14.0-1)",
                "  MJPG  Motion-JPEG  [type: ffmpeg, input_format: mjpeg]",
                "        1920x1080  60, 30 fps",
                "  YUYV  YUYV 4:2:2  [type: v4l2]",
                "        1280x720  10 fps",
                "        640x480  rate not reported",
            ],
            lines);
    }
}
