using DominantColors.Configuration;
using DominantColors.Frames;
using DominantColors.Sources.Pattern;

namespace DominantColors.Sources;

/// <summary><c>source.type: pattern</c>.</summary>
internal sealed class PatternSourceFactory : IFrameSourceFactory
{
    public string Type => "pattern";

    public void Validate(SourceSection source, ConfigErrors errors) => source.Bind<PatternSourceOptions>(errors);

    public IFrameSource Create(SourceSection source, SourceContext context)
    {
        var options = source.Bind<PatternSourceOptions>(new ConfigErrors());
        var scene = new PatternScene(TimeSpan.FromSeconds(options.PeriodSeconds), options.DarkFraction);
        return new PatternFrameSource(context.FrameWidth, context.FrameHeight, options.Fps, scene, context.TimeProvider);
    }
}
