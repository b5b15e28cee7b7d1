namespace DominantColors.Extract;

/// <summary>One file to extract from: <see cref="Display"/> is the path as the user would write it, for output.</summary>
internal sealed record InputFile(string Display, string FullPath);
