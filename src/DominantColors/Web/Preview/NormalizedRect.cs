namespace DominantColors.Web.Preview;

/// <summary>A rectangle in picture coordinates from 0 to 1 (left, top, width, height), independent of the frame size.</summary>
internal readonly record struct NormalizedRect(float X, float Y, float Width, float Height)
{
    public static NormalizedRect Whole { get; } = new(0, 0, 1, 1);

    /// <summary>The rectangle of a pixel region inside a frame of the given size.</summary>
    public static NormalizedRect FromPixels(int x, int y, int width, int height, int frameWidth, int frameHeight) =>
        frameWidth <= 0 || frameHeight <= 0
            ? Whole
            : new((float)x / frameWidth, (float)y / frameHeight, (float)width / frameWidth, (float)height / frameHeight);
}
