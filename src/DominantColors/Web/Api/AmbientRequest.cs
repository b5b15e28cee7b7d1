namespace DominantColors.Web.Api;

/// <summary>Body of <c>POST /api/ambient</c>.</summary>
internal sealed record AmbientRequest(bool? On);
