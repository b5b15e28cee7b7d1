using System.Globalization;

namespace DominantColors.Lights;

/// <summary>
/// How a light chooses its color from its zone's palette: <c>dominant</c>, <c>accent</c> or <c>rank:N</c>
/// (N from 1, by coverage; <c>rank:1</c> is the same as <c>dominant</c>).
/// </summary>
public readonly partial record struct LightPick
{
    /// <summary>The forms <see cref="TryParse"/> accepts, for error messages and schemas.</summary>
    public const string AllowedForms = "dominant | accent | rank:N (N a whole number from 1)";

    private LightPick(LightPickKind kind, int rank)
    {
        Kind = kind;
        Rank = rank;
    }

    public static LightPick Dominant => new(LightPickKind.Dominant, 1);

    public static LightPick Accent => new(LightPickKind.Accent, 0);

    public LightPickKind Kind { get; }

    /// <summary>The 1-based rank for <see cref="LightPickKind.Rank"/> and 1 for dominant; 0 for accent.</summary>
    public int Rank { get; }

    /// <summary>The entry at a 1-based <paramref name="rank"/> by coverage.</summary>
    public static LightPick AtRank(int rank)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rank, 1);
        return new LightPick(LightPickKind.Rank, rank);
    }

    /// <summary>Parses a pick (case-insensitive); the error says what was wrong and what is allowed.</summary>
    public static bool TryParse(string? text, out LightPick pick, out string? error)
    {
        pick = default;
        error = null;
        var trimmed = text.AsSpan().Trim();
        if (trimmed.Equals("dominant", StringComparison.OrdinalIgnoreCase))
        {
            pick = Dominant;
            return true;
        }

        if (trimmed.Equals("accent", StringComparison.OrdinalIgnoreCase))
        {
            pick = Accent;
            return true;
        }

        const string RankPrefix = "rank:";
        if (trimmed.StartsWith(RankPrefix, StringComparison.OrdinalIgnoreCase))
        {
            var number = trimmed[RankPrefix.Length..].Trim();
            if (int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var rank) && rank >= 1)
            {
                pick = AtRank(rank);
                return true;
            }

            error = $"pick '{text}' has no valid rank: N must be a whole number from 1; allowed: {AllowedForms}";
            return false;
        }

        error = $"unknown pick '{text}'; allowed: {AllowedForms}";
        return false;
    }

    /// <summary>Parses a pick; throws <see cref="FormatException"/> naming what is allowed.</summary>
    public static LightPick Parse(string text) => TryParse(text, out var pick, out var error) ? pick : throw new FormatException(error);

    public override string ToString() => Kind switch
    {
        LightPickKind.Dominant => "dominant",
        LightPickKind.Accent => "accent",
        _ => string.Create(CultureInfo.InvariantCulture, $"rank:{Rank}"),
    };
}
