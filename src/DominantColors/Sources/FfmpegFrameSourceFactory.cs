using DominantColors.Configuration;
using DominantColors.Frames;
using DominantColors.Sources.Ffmpeg;
using Microsoft.Extensions.Logging;

namespace DominantColors.Sources;

/// <summary><c>source.type: ffmpeg</c>: any ffmpeg input, scaled by ffmpeg to the analysis size.</summary>
internal sealed class FfmpegFrameSourceFactory : IFrameSourceFactory
{
    public string Type => "ffmpeg";

    public void Validate(SourceSection source, ConfigErrors errors)
    {
        ArgumentNullException.ThrowIfNull(source);
        source.Bind<FfmpegSourceOptions>(errors, FfmpegSourceOptionsValidator.Validate);
    }

    public IFrameSource Create(SourceSection source, SourceContext context)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(context);
        return new FfmpegFrameSource(
            source.BindChecked<FfmpegSourceOptions>(FfmpegSourceOptionsValidator.Validate),
            context.FrameWidth,
            context.FrameHeight,
            context.TimeProvider,
            context.LoggerFactory.CreateLogger<FfmpegFrameSource>());
    }
}
