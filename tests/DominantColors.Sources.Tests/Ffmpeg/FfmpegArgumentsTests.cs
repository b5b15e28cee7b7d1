using DominantColors.Sources.Ffmpeg;

namespace DominantColors.Sources.Tests.Ffmpeg;

public sealed class FfmpegArgumentsTests
{
    [Fact]
    public void Build_V4l2MjpegGrabber_InputOptionsBeforeInputAndRawRgbOutputAfter()
    {
        var options = new FfmpegSourceOptions { Format = "v4l2", Input = "/dev/video0", InputFormat = "mjpeg", VideoSize = "1920x1080", FrameRate = 30 };

        var args = FfmpegArguments.Build(options, 64, 36);

        var input = args.IndexOf("-i");
        Assert.Equal("/dev/video0", args[input + 1]);
        Assert.True(args.IndexOf("-input_format") < input && args.IndexOf("-video_size") < input && args.IndexOf("-framerate") < input);
        Assert.Equal("2", args[args.IndexOf("-lowres") + 1]);
        Assert.Equal("scale=64:36:flags=area,format=rgb24", args[args.IndexOf("-vf") + 1]);
        Assert.Equal("passthrough", args[args.IndexOf("-fps_mode") + 1]);
        Assert.Equal(["-f", "rawvideo", "-pix_fmt", "rgb24", "pipe:1"], args[^5..]);
        Assert.DoesNotContain("-re", args);
    }

    [Theory]
    [InlineData("mjpeg", "1920x1080", null, 2)]
    [InlineData("mjpeg", "640x480", null, 1)]
    [InlineData("mjpeg", "320x180", null, 0)]
    [InlineData("yuyv422", "1920x1080", null, 0)]
    [InlineData("mjpeg", null, null, 0)]
    [InlineData("mjpeg", "1920x1080", 3, 3)]
    public void LowresFor_Settings_KeepsTheDecodedPictureFourTimesTheAnalysisSize(string inputFormat, string? videoSize, int? configured, int expected)
    {
        var options = new FfmpegSourceOptions { Input = "/dev/video0", InputFormat = inputFormat, VideoSize = videoSize, Lowres = configured };

        Assert.Equal(expected, FfmpegArguments.LowresFor(options, 64, 36));
    }

    [Fact]
    public void Build_RealtimeFile_ReadsAtItsOwnRateWithExtraInputArguments()
    {
        var options = new FfmpegSourceOptions { Input = "movie.mkv", Realtime = true, InputArguments = ["-stream_loop", "-1"] };

        var args = FfmpegArguments.Build(options, 64, 36);

        Assert.True(args.IndexOf("-re") < args.IndexOf("-i"));
        Assert.Equal(args.IndexOf("-stream_loop") + 2, args.IndexOf("-i"));
    }
}
