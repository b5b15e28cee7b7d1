namespace DominantColors.Web.Api;

internal sealed record AreaDocument(float X, float Y, float Width, float Height);
