using DominantColors.Configuration;
using DominantColors.Frames;
using DominantColors.Sources;
using DominantColors.Sources.Hosting;
using DominantColors.Sources.Ffmpeg;
using DominantColors.Sources.V4l2;
using static DominantColors.Testing.Hosting.SourceSections;

namespace DominantColors.Sources.Tests.Hosting;

public sealed class CaptureSourceFactoryTests
{
    [Fact]
    public void Validate_GoodFfmpegSection_HasNoErrors()
    {
        var errors = new ConfigErrors();

        new FfmpegFrameSourceFactory().Validate(Section("ffmpeg", ("input", "/dev/video0"), ("format", "v4l2"), ("input_format", "mjpeg"), ("videoSize", "1920x1080"), ("frameRate", "30"), ("stallTimeout", "00:00:03"), ("startTimeout", "00:00:20")), errors);

        Assert.False(errors.HasErrors, errors.ToString());
    }

    [Fact]
    public void Validate_BadFfmpegSection_NamesEachKeyPath()
    {
        var errors = new ConfigErrors();

        new FfmpegFrameSourceFactory().Validate(Section("ffmpeg", ("videoSize", "big"), ("lowres", "5"), ("input_format", "mjpeg; rm")), errors);

        Assert.Equal(
            ["source.input", "source.input_format", "source.videoSize", "source.lowres"],
            errors.Errors.Select(e => e.Path));
    }

    [Theory]
    [InlineData("00:00:02")]
    [InlineData("00:00:00")]
    [InlineData("-00:00:10")]
    public void Validate_FfmpegStartTimeoutBelowStallTimeout_ErrorAtStartTimeoutNamingBoth(string startTimeout)
    {
        var errors = new ConfigErrors();

        new FfmpegFrameSourceFactory().Validate(Section("ffmpeg", ("input", "rtsp://camera/stream"), ("stallTimeout", "00:00:05"), ("startTimeout", startTimeout)), errors);

        var error = Assert.Single(errors.Errors);
        Assert.Equal("source.startTimeout", error.Path);
        Assert.Contains("at least stallTimeout (00:00:05)", error.Message, StringComparison.Ordinal);
        Assert.Contains("first frame", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_FfmpegStartTimeoutNotADuration_ErrorAtStartTimeout()
    {
        var errors = new ConfigErrors();

        new FfmpegFrameSourceFactory().Validate(Section("ffmpeg", ("input", "rtsp://camera/stream"), ("startTimeout", "soon")), errors);

        Assert.Equal("source.startTimeout", Assert.Single(errors.Errors).Path);
    }

    [Fact]
    public void Validate_V4l2SectionAskingForMjpeg_PointsToTheFfmpegSource()
    {
        var errors = new ConfigErrors();

        new V4l2FrameSourceFactory().Validate(Section("v4l2", ("device", "/dev/video0"), ("pixelFormat", "mjpeg"), ("buffers", "1")), errors);

        Assert.Equal(["source.pixelFormat", "source.buffers"], errors.Errors.Select(e => e.Path));
        Assert.Contains("type: ffmpeg", errors.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_GoodSections_BuildTheSourcesAtTheAnalysisSize()
    {
        var context = Context();

        await using var ffmpeg = Create(new FfmpegFrameSourceFactory(), Section("ffmpeg", ("input", "testsrc2"), ("format", "lavfi")), context);
        await using var v4l2 = Create(new V4l2FrameSourceFactory(), Section("v4l2", ("device", "/dev/video7")), context);

        Assert.IsType<FfmpegFrameSource>(ffmpeg);
        Assert.Equal("v4l2:/dev/video7", Assert.IsType<V4l2FrameSource>(v4l2).Name);
    }

    [Fact]
    public void Validate_BadValueAndMissingInput_ReportsBothAndKeepsNoOptions()
    {
        var errors = new ConfigErrors();
        var section = Section("ffmpeg", ("realtime", "maybe"));

        new FfmpegFrameSourceFactory().Validate(section, errors);

        Assert.Contains(errors.Errors, e => e.Path == "source.realtime");
        Assert.Contains(errors.Errors, e => e.Path == "source.input");
        Assert.Null(section.Options);
    }

    [Fact]
    public void Create_SectionNotValidated_Throws()
    {
        var context = Context();

        Assert.Throws<InvalidOperationException>(() => new FfmpegFrameSourceFactory().Create(Section("ffmpeg", ("input", "testsrc2")), context));
    }

    /// <summary>Validates the section as the config check does, then builds the source from the options it bound.</summary>
    private static IFrameSource Create(IFrameSourceFactory factory, SourceSection section, SourceContext context)
    {
        var errors = new ConfigErrors();
        factory.Validate(section, errors);
        Assert.False(errors.HasErrors, errors.ToString());
        return factory.Create(section, context);
    }
}
