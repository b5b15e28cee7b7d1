using DominantColors.Frames;
using DominantColors.Sources.Hyperion;
using Microsoft.Extensions.Logging;

namespace DominantColors.Sources.Hosting;

/// <summary><c>source.type: hyperion</c>: frames sent by Hyperion grabbers over the FlatBuffers image stream.</summary>
internal sealed class HyperionSourceFactory : FrameSourceFactory<HyperionSourceOptions>
{
    public override string Type => "hyperion";

    protected override IFrameSource CreateSource(HyperionSourceOptions options, SourceContext context) => new HyperionFrameSource(
        options,
        context.FrameWidth,
        context.FrameHeight,
        context.TimeProvider,
        context.LoggerFactory.CreateLogger<HyperionFrameSource>());
}
