namespace DominantColors.Web.Api;

/// <summary>Body of <c>POST /api/brightness</c>: 0 to 1.</summary>
internal sealed record BrightnessRequest(double? Value);
