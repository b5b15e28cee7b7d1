namespace DominantColors.Web.Api;

internal sealed record ZoneDocument(string Name, AreaDocument Area, IReadOnlyList<SwatchDocument> Palette);
