using DominantColors.Configuration;
using DominantColors.Frames;
using DominantColors.Sources.V4l2;
using Microsoft.Extensions.Logging;

namespace DominantColors.Sources;

/// <summary><c>source.type: v4l2</c>: a YUYV, UYVY or NV12 capture device read natively, without ffmpeg.</summary>
internal sealed class V4l2FrameSourceFactory : IFrameSourceFactory
{
    public string Type => "v4l2";

    public void Validate(SourceSection source, ConfigErrors errors)
    {
        ArgumentNullException.ThrowIfNull(source);
        source.Bind<V4l2SourceOptions>(errors, V4l2SourceOptionsValidator.Validate);
    }

    public IFrameSource Create(SourceSection source, SourceContext context)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(context);
        return new V4l2FrameSource(
            source.BindChecked<V4l2SourceOptions>(V4l2SourceOptionsValidator.Validate),
            context.FrameWidth,
            context.FrameHeight,
            context.TimeProvider,
            context.LoggerFactory.CreateLogger<V4l2FrameSource>());
    }
}
