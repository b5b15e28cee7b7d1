using DominantColors.Configuration;
using DominantColors.Frames;
using DominantColors.Sources.Hyperion;
using Microsoft.Extensions.Logging;

namespace DominantColors.Sources;

/// <summary><c>source.type: hyperion</c>: frames sent by Hyperion grabbers over the FlatBuffers image stream.</summary>
internal sealed class HyperionSourceFactory : IFrameSourceFactory
{
    public string Type => "hyperion";

    public void Validate(SourceSection source, ConfigErrors errors)
    {
        ArgumentNullException.ThrowIfNull(source);
        source.Bind<HyperionSourceOptions>(errors, HyperionSourceOptionsValidator.Validate);
    }

    public IFrameSource Create(SourceSection source, SourceContext context)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(context);
        return new HyperionFrameSource(
            source.BindChecked<HyperionSourceOptions>(HyperionSourceOptionsValidator.Validate),
            context.FrameWidth,
            context.FrameHeight,
            context.TimeProvider,
            context.LoggerFactory.CreateLogger<HyperionFrameSource>());
    }
}
