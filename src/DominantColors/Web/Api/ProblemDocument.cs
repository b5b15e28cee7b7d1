namespace DominantColors.Web.Api;

/// <summary>The body of a refused request: what was wrong.</summary>
internal sealed record ProblemDocument(string Error);
