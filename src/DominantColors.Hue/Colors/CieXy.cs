namespace DominantColors.Hue.Colors;

/// <summary>A chromaticity in the CIE 1931 xy plane.</summary>
public readonly record struct CieXy(double X, double Y);
