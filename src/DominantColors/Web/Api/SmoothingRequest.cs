namespace DominantColors.Web.Api;

/// <summary>Body of <c>POST /api/smoothing</c>: one of the intensity names.</summary>
internal sealed record SmoothingRequest(string? Intensity);
