namespace DominantColors.Web.Api;

internal sealed record SwatchDocument(string Color, float Weight);
