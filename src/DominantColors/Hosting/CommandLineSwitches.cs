namespace DominantColors.Hosting;

/// <summary>The generic host's configuration switches from the command line (<c>--smoothing:intensity=high</c>).</summary>
internal sealed record CommandLineSwitches(string[] Args);
