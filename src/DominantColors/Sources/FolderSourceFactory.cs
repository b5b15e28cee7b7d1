using DominantColors.Configuration;
using DominantColors.Frames;
using DominantColors.Sources.Folder;
using Microsoft.Extensions.Logging;

namespace DominantColors.Sources;

/// <summary><c>source.type: folder</c>.</summary>
internal sealed class FolderSourceFactory : IFrameSourceFactory
{
    public string Type => "folder";

    public void Validate(SourceSection source, ConfigErrors errors)
    {
        var options = source.Bind<FolderSourceOptions>(errors);
        if (options.Path.Length > 0 && !System.IO.Path.IsPathRooted(options.Path))
        {
            errors.Add(source.PathOf("path"), $"must be an absolute path, got '{options.Path}'");
        }
    }

    public IFrameSource Create(SourceSection source, SourceContext context)
    {
        var options = source.Bind<FolderSourceOptions>(new ConfigErrors());
        var settings = new FolderSourceSettings(options.Path)
        {
            Debounce = TimeSpan.FromMilliseconds(options.DebounceMs),
            Rescan = TimeSpan.FromSeconds(options.RescanSeconds),
            Slideshow = TimeSpan.FromSeconds(options.SlideshowSeconds),
        };
        return new FolderFrameSource(
            settings, context.FrameWidth, context.FrameHeight, context.TimeProvider, context.LoggerFactory.CreateLogger<FolderFrameSource>());
    }
}
