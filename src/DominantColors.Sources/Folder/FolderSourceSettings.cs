namespace DominantColors.Sources.Folder;

/// <summary>How a <see cref="FolderFrameSource"/> watches its folder.</summary>
public sealed record FolderSourceSettings(string Path)
{
    /// <summary>A file must keep its size and modification time this long before it is read (it is still being written otherwise).</summary>
    public TimeSpan Debounce { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How often the whole folder is listed again, in case the watcher missed something.</summary>
    public TimeSpan Rescan { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How often a new image is handed on again while it settles (see <see cref="Settle"/>).</summary>
    public TimeSpan Hold { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a new image is handed on again every <see cref="Hold"/>: long enough for what needs several frames of
    /// one picture (the border crop takes 3 frames over 1.5 s). After that the picture is held without frames
    /// (<see cref="Frames.IFrameSource.HoldsLastFrame"/>), so a still picture costs nothing.
    /// </summary>
    public TimeSpan Settle { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Replay the folder's images in name order, each for this long, while nothing new arrives; zero: off.</summary>
    public TimeSpan Slideshow { get; init; } = TimeSpan.Zero;

    /// <summary>Images larger than this many pixels are refused before decoding (decompression bombs).</summary>
    public long MaxPixels { get; init; } = 100_000_000;
}
