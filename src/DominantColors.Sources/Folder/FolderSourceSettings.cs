namespace DominantColors.Sources.Folder;

/// <summary>How a <see cref="FolderFrameSource"/> watches its folder.</summary>
public sealed record FolderSourceSettings(string Path)
{
    /// <summary>A file must keep its size and modification time this long before it is read (it is still being written otherwise).</summary>
    public TimeSpan Debounce { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How often the whole folder is listed again, in case the watcher missed something.</summary>
    public TimeSpan Rescan { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the current image is handed on again while nothing new arrives (keeps the signal alive).</summary>
    public TimeSpan Hold { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Replay the folder's images in name order, each for this long, while nothing new arrives; zero: off.</summary>
    public TimeSpan Slideshow { get; init; } = TimeSpan.Zero;

    /// <summary>Images larger than this many pixels are refused before decoding (decompression bombs).</summary>
    public long MaxPixels { get; init; } = 100_000_000;
}
