namespace DominantColors;

/// <summary>A configuration problem: the key (relative to the output's section, nested keys joined by <c>:</c>) and why.</summary>
public readonly record struct OptionError(string Key, string Message)
{
    public override string ToString() => $"{Key}: {Message}";
}
