namespace DominantColors.Strips;

/// <summary>Which way the strip runs around the screen, seen from the viewer.</summary>
public enum StripDirection
{
    Clockwise,
    CounterClockwise,
}
