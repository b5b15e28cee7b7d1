using DominantColors.Configuration;
using DominantColors.Frames;

namespace DominantColors.Sources;

/// <summary>
/// Builds the frame source for one <c>source.type</c> (<c>pattern</c>, <c>folder</c>, <c>ffmpeg</c>, <c>v4l2</c>).
/// Register one per type with <see cref="SourceServiceCollectionExtensions.AddFrameSourceFactory{TFactory}"/> in
/// the adapter's own registration (<c>AddSources()</c>), which the executable's composition root calls.
/// </summary>
public interface IFrameSourceFactory
{
    /// <summary>The <c>type:</c> value this factory handles, lower case.</summary>
    string Type { get; }

    /// <summary>
    /// Binds the section once, without opening anything (<c>config check</c> calls it too), and keeps the options on
    /// <see cref="SourceSection.Options"/>; every problem goes to <paramref name="errors"/> with its key path
    /// (<see cref="SourceSection.PathOf"/>) and what is allowed. <see cref="FrameSourceFactory{TOptions}"/> does this.
    /// </summary>
    void Validate(SourceSection source, ConfigErrors errors);

    /// <summary>
    /// Builds the source from the options <see cref="Validate"/> bound. Opening the device or starting a process
    /// belongs in <see cref="IFrameSource.StartAsync"/>; frames must be <see cref="SourceContext.FrameWidth"/> by
    /// <see cref="SourceContext.FrameHeight"/>.
    /// </summary>
    IFrameSource Create(SourceSection source, SourceContext context);
}
