using DominantColors.Configuration;
using DominantColors.Frames;
using DominantColors.Sources.V4l2;
using Microsoft.Extensions.Logging;

namespace DominantColors.Sources;

/// <summary><c>source.type: v4l2</c>: a YUYV, UYVY or NV12 capture device read natively, without ffmpeg.</summary>
internal sealed class V4l2FrameSourceFactory : IFrameSourceFactory
{
    public string Type => "v4l2";

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

        return new V4l2FrameSource(
            options,
            context.FrameWidth,
            context.FrameHeight,
            context.TimeProvider,
            context.LoggerFactory.CreateLogger<V4l2FrameSource>());
    }

    private static V4l2SourceOptions Read(SourceSection source, ConfigErrors errors)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(errors);
        var options = source.Bind<V4l2SourceOptions>(errors);
        foreach (var (key, message) in V4l2SourceOptionsValidator.Validate(options))
        {
            errors.Add(source.PathOf(key), message);
        }

        return options;
    }
}
