using DominantColors.Configuration;
using DominantColors.Frames;
using DominantColors.Sources.Ffmpeg;
using Microsoft.Extensions.Logging;

namespace DominantColors.Sources;

/// <summary><c>source.type: ffmpeg</c>: any ffmpeg input, scaled by ffmpeg to the analysis size.</summary>
internal sealed class FfmpegFrameSourceFactory : IFrameSourceFactory
{
    public string Type => "ffmpeg";

    public void Validate(SourceSection source, ConfigErrors errors) => Read(source, errors);

    public IFrameSource Create(SourceSection source, SourceContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var errors = new ConfigErrors();
        var options = Read(source, errors);
        if (errors.HasErrors)
        {
            throw new InvalidConfigException(errors.Errors);
        }

        return new FfmpegFrameSource(
            options,
            context.FrameWidth,
            context.FrameHeight,
            context.TimeProvider,
            context.LoggerFactory.CreateLogger<FfmpegFrameSource>());
    }

    private static FfmpegSourceOptions Read(SourceSection source, ConfigErrors errors)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(errors);
        var options = source.Bind<FfmpegSourceOptions>(errors);
        foreach (var (key, message) in FfmpegSourceOptionsValidator.Validate(options))
        {
            errors.Add(source.PathOf(key), message);
        }

        return options;
    }
}
