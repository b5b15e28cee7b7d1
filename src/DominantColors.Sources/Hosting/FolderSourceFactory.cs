using DominantColors.Frames;
using DominantColors.Sources.Folder;
using Microsoft.Extensions.Logging;

namespace DominantColors.Sources.Hosting;

/// <summary><c>source.type: folder</c>.</summary>
internal sealed class FolderSourceFactory : FrameSourceFactory<FolderSourceOptions>
{
    public override string Type => "folder";

    protected override IFrameSource CreateSource(FolderSourceOptions options, SourceContext context)
    {
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
