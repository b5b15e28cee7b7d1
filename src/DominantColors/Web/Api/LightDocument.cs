namespace DominantColors.Web.Api;

internal sealed record LightDocument(string Name, string Color);
