namespace DominantColors.Web.Api;

/// <summary>One pipeline stage's latency: the mean over the last second and the latest, in milliseconds.</summary>
internal sealed record StageDocument(string Name, double? MeanMs, double? LastMs);
