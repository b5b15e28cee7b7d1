using DominantColors.Frames;
using DominantColors.Sources.Pattern;

namespace DominantColors.Sources.Hosting;

/// <summary><c>source.type: pattern</c>.</summary>
internal sealed class PatternSourceFactory : FrameSourceFactory<PatternSourceOptions>
{
    public override string Type => "pattern";

    protected override IFrameSource CreateSource(PatternSourceOptions options, SourceContext context)
    {
        var scene = new PatternScene(TimeSpan.FromSeconds(options.PeriodSeconds), options.DarkFraction);
        return new PatternFrameSource(context.FrameWidth, context.FrameHeight, options.Fps, scene, context.TimeProvider);
    }
}
