using DominantColors.Palettes;

namespace DominantColors.Extract;

/// <summary>
/// One palette as it is written out: of a picture, or of one frame of a video (then <see cref="Frame"/> is set,
/// and <see cref="Pts"/> when the stream has timestamps). <see cref="Milliseconds"/> is clustering time only.
/// </summary>
internal sealed record PaletteRecord(
    string File,
    int Width,
    int Height,
    PaletteEntry[] Colors,
    double Milliseconds,
    long? Frame = null,
    double? Pts = null)
{
    /// <summary>The palette's most colorful color with a fair share, as a light's <c>accent</c> pick chooses it.</summary>
    public PaletteEntry? Accent { get; init; }

    /// <summary>The palette of the middle of the picture (see <see cref="ForegroundSplit"/>); null for a whole video.</summary>
    public PaletteEntry[]? Foreground { get; init; }

    /// <summary>The palette of the picture's edges; null for a whole video.</summary>
    public PaletteEntry[]? Background { get; init; }

    /// <summary>The color a page showing this picture is tinted with: the background's heaviest color, else the palette's.</summary>
    public PaletteEntry? Tint => Background is [var first, ..] ? first : Colors is [var dominant, ..] ? dominant : null;
}
