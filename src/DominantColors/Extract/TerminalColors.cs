namespace DominantColors.Extract;

/// <summary>Whether text output may paint 24-bit color swatches.</summary>
internal static class TerminalColors
{
    /// <summary>
    /// In <see cref="ColorMode.Auto"/>: stdout is a terminal, <c>NO_COLOR</c> is unset, and the terminal announces
    /// 24-bit color (<c>COLORTERM=truecolor|24bit</c>, as most modern terminals do, or a known terminal program).
    /// </summary>
    public static bool UseSwatches(ColorMode mode, bool outputIsTerminal, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return mode switch
        {
            ColorMode.Always => true,
            ColorMode.Never => false,
            _ => outputIsTerminal && string.IsNullOrEmpty(environment("NO_COLOR")) && AnnouncesTrueColor(environment),
        };
    }

    private static bool AnnouncesTrueColor(Func<string, string?> environment)
    {
        var colorTerm = environment("COLORTERM");
        if (string.Equals(colorTerm, "truecolor", StringComparison.OrdinalIgnoreCase)
            || string.Equals(colorTerm, "24bit", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var term = environment("TERM") ?? string.Empty;
        if (term.Contains("truecolor", StringComparison.OrdinalIgnoreCase) || term.Contains("direct", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return environment("WT_SESSION") is not null
            || environment("TERM_PROGRAM") is "iTerm.app" or "WezTerm" or "vscode" or "ghostty";
    }
}
