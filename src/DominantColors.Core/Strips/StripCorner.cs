namespace DominantColors.Strips;

/// <summary>The screen corner (seen from the viewer) where the strip's first LED sits.</summary>
public enum StripCorner
{
    TopLeft,
    TopRight,
    BottomRight,
    BottomLeft,
}
