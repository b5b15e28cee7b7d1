using DominantColors.Configuration;
using DominantColors.Frames;

namespace DominantColors.Sources;

/// <summary>
/// A source type whose section binds to <typeparamref name="TOptions"/>: <see cref="Validate"/> binds it once, strictly
/// (DataAnnotations and the options' <see cref="System.ComponentModel.DataAnnotations.IValidatableObject"/> rules),
/// and keeps the result on the section, which is what <see cref="Create(SourceSection, SourceContext)"/> builds from.
/// </summary>
public abstract class FrameSourceFactory<TOptions> : IFrameSourceFactory
    where TOptions : class, new()
{
    public abstract string Type { get; }

    public void Validate(SourceSection source, ConfigErrors errors)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(errors);
        var before = errors.Errors.Count;
        var options = source.Bind<TOptions>(errors);
        source.Options = errors.Errors.Count == before ? options : null;
    }

    public IFrameSource Create(SourceSection source, SourceContext context)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(context);
        var options = source.Options as TOptions
            ?? throw new InvalidOperationException($"The {Type} source is created from a section that Validate did not accept.");
        return CreateSource(options, context);
    }

    /// <summary>Builds the source from options that passed every check.</summary>
    protected abstract IFrameSource CreateSource(TOptions options, SourceContext context);
}
