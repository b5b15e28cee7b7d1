namespace DominantColors.Configuration;

/// <summary>An options class bound to one top-level YAML section (<c>analysis</c>, <c>smoothing</c>, <c>web</c>...).</summary>
internal interface IConfigSection
{
    /// <summary>The top-level YAML key, e.g. <c>smoothing</c>.</summary>
    static abstract string SectionName { get; }
}
