using DominantColors.Extraction;

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
    double? Pts = null);
