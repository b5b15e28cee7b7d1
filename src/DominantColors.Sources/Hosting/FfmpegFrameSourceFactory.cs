using DominantColors.Frames;
using DominantColors.Sources.Ffmpeg;
using Microsoft.Extensions.Logging;

namespace DominantColors.Sources.Hosting;

/// <summary><c>source.type: ffmpeg</c>: any ffmpeg input, scaled by ffmpeg to the analysis size.</summary>
internal sealed class FfmpegFrameSourceFactory : FrameSourceFactory<FfmpegSourceOptions>
{
    public override string Type => "ffmpeg";

    protected override IFrameSource CreateSource(FfmpegSourceOptions options, SourceContext context) =>
        new FfmpegFrameSource(options, context.FrameWidth, context.FrameHeight, context.TimeProvider, context.LoggerFactory.CreateLogger<FfmpegFrameSource>());
}
