using System.Globalization;
using System.Text;
using DominantColors.Palettes;

namespace DominantColors.Extract;

/// <summary>
/// <c>--format css</c>: custom properties in one <c>:root</c> rule, per input a comment naming the file and its
/// colors named after the file: <c>--sunset-1: #f37a2d;</c> (heaviest first), <c>--sunset-accent</c>,
/// <c>--sunset-fg-1</c> and <c>--sunset-bg-1</c>. A name already taken gets <c>-2</c>, <c>-3</c>, ...
/// </summary>
internal sealed class CssResultWriter(TextWriter output) : ResultWriter(output)
{
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);

    public override void Begin() => Output.Write(":root {\n");

    public override void Write(InputOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var palette = outcome.Summary ?? outcome.Palettes[0];
        var name = UniqueName(Slug(Path.GetFileNameWithoutExtension(palette.File)));
        var block = new StringBuilder();
        block.Append("  /* ").Append(palette.File.Replace("*/", "* /", StringComparison.Ordinal).ReplaceLineEndings(" ")).Append(" */\n");
        AppendColors(block, name, palette.Colors);
        if (palette.Accent is { } accent)
        {
            block.Append(CultureInfo.InvariantCulture, $"  --{name}-accent: {accent.Hex};\n");
        }

        AppendColors(block, name + "-fg", palette.Foreground ?? []);
        AppendColors(block, name + "-bg", palette.Background ?? []);
        Output.Write(block);
    }

    public override void End() => Output.Write("}\n");

    /// <summary>The file name as a CSS identifier part: lower-case letters and digits, runs of anything else as one '-'.</summary>
    internal static string Slug(string name)
    {
        var slug = new StringBuilder(name.Length);
        foreach (var c in name.ToLowerInvariant())
        {
            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var text = slug.ToString().TrimEnd('-');
        return text.Length == 0 ? "picture" : text;
    }

    private static void AppendColors(StringBuilder block, string name, PaletteEntry[] colors)
    {
        for (var i = 0; i < colors.Length; i++)
        {
            block.Append(CultureInfo.InvariantCulture, $"  --{name}-{i + 1}: {colors[i].Hex};\n");
        }
    }

    private string UniqueName(string slug)
    {
        var name = slug;
        for (var n = 2; !_names.Add(name); n++)
        {
            name = string.Create(CultureInfo.InvariantCulture, $"{slug}-{n}");
        }

        return name;
    }
}
