namespace DominantColors.Web.Api;

/// <summary>
/// RGB24 pixels, row by row, base64-encoded in the JSON. <paramref name="Rgb"/> points into the reporter's own snapshot
/// copy (no base64 string is built): serialize the document before that reporter reports again.
/// </summary>
internal sealed record FrameDocument(int Width, int Height, ReadOnlyMemory<byte> Rgb);
