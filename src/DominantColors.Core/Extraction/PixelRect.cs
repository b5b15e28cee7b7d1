namespace DominantColors.Extraction;

/// <summary>A rectangle of pixels within an image.</summary>
internal readonly record struct PixelRect(int X, int Y, int Width, int Height)
{
    public long Area => (long)Width * Height;
}
