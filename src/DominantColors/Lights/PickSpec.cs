using System.Globalization;

namespace DominantColors.Lights;

/// <summary>A light's <c>pick:</c>: <c>dominant</c>, <c>accent</c> or <c>rank:N</c> (N from 1, 1 = dominant).</summary>
internal readonly record struct PickSpec(PickKind Kind, int Rank = 1)
{
    public const string AllowedValues = "dominant | accent | rank:N (N from 1)";

    public static PickSpec Dominant { get; } = new(PickKind.Dominant);

    public static PickSpec Accent { get; } = new(PickKind.Accent);

    public static bool TryParse(string? text, out PickSpec pick)
    {
        var value = text?.Trim() ?? string.Empty;
        pick = default;
        if (value.Equals("dominant", StringComparison.OrdinalIgnoreCase))
        {
            pick = Dominant;
            return true;
        }

        if (value.Equals("accent", StringComparison.OrdinalIgnoreCase))
        {
            pick = Accent;
            return true;
        }

        if (value.StartsWith("rank:", StringComparison.OrdinalIgnoreCase)
            && int.TryParse(value.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out var rank) && rank >= 1)
        {
            pick = new PickSpec(PickKind.Rank, rank);
            return true;
        }

        return false;
    }

    public override string ToString() => Kind switch
    {
        PickKind.Rank => string.Create(CultureInfo.InvariantCulture, $"rank:{Rank}"),
        _ => Kind.ToString().ToLowerInvariant(),
    };
}
