using DominantColors.Frames;
using DominantColors.Sources.V4l2;
using Microsoft.Extensions.Logging;

namespace DominantColors.Sources.Hosting;

/// <summary><c>source.type: v4l2</c>: a YUYV, UYVY or NV12 capture device read natively, without ffmpeg.</summary>
internal sealed class V4l2FrameSourceFactory : FrameSourceFactory<V4l2SourceOptions>
{
    public override string Type => "v4l2";

    protected override IFrameSource CreateSource(V4l2SourceOptions options, SourceContext context) =>
        new V4l2FrameSource(options, context.FrameWidth, context.FrameHeight, context.TimeProvider, context.LoggerFactory.CreateLogger<V4l2FrameSource>());
}
