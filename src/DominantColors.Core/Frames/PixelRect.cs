namespace DominantColors.Frames;

/// <summary>A rectangle of whole pixels inside a frame: the content crop, or one light's zone within it.</summary>
public readonly record struct PixelRect(int X, int Y, int Width, int Height)
{
    public bool IsEmpty => Width <= 0 || Height <= 0;

    public long Area => (long)Width * Height;

    public int Right => X + Width;

    public int Bottom => Y + Height;

    /// <summary>The whole of a <paramref name="width"/> by <paramref name="height"/> picture.</summary>
    public static PixelRect Whole(int width, int height) => new(0, 0, width, height);

    public override string ToString() => $"{Width}x{Height}+{X}+{Y}";
}
