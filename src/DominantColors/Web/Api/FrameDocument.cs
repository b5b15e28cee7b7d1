namespace DominantColors.Web.Api;

/// <summary>RGB24 pixels, row by row, base64-encoded.</summary>
internal sealed record FrameDocument(int Width, int Height, string Rgb);
