namespace DominantColors.Colors;

/// <summary>
/// A color in Björn Ottosson's OKLab space: <see cref="L"/> is perceived lightness (0 black .. 1 white),
/// <see cref="A"/> runs green (negative) to red, <see cref="B"/> blue (negative) to yellow.
/// Euclidean distance in OKLab tracks perceived difference far better than distance in sRGB.
/// </summary>
public readonly record struct OkLab(float L, float A, float B);
