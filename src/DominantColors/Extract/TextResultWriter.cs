using System.Globalization;
using System.Text;
using DominantColors.Palettes;

namespace DominantColors.Extract;

/// <summary>
/// Text for people: one line per picture, per video frame and for each whole video, with each color as a
/// swatch (two cells painted with a 24-bit ANSI background) when <c>swatches</c> is on, then its hex and share;
/// then the accent and the foreground (<c>fg</c>) and background (<c>bg</c>) palettes, hex only.
/// </summary>
internal sealed class TextResultWriter(TextWriter output, bool swatches) : ResultWriter(output)
{
    public override void Write(InputOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var line = new StringBuilder();
        foreach (var palette in outcome.Palettes)
        {
            line.Clear();
            line.Append(palette.File);
            if (palette.Frame is { } frame)
            {
                line.Append(CultureInfo.InvariantCulture, $" frame {frame}");
                if (palette.Pts is { } pts)
                {
                    line.Append(CultureInfo.InvariantCulture, $" @ {pts:0.000}s");
                }
            }

            AppendPalette(line, palette);
            Output.Write(line);
        }

        if (outcome.Summary is { } summary)
        {
            line.Clear();
            line.Append(CultureInfo.InvariantCulture, $"{summary.File} all {outcome.Palettes.Count} frames");
            AppendPalette(line, summary);
            Output.Write(line);
        }
    }

    private void AppendPalette(StringBuilder line, PaletteRecord palette)
    {
        line.Append(CultureInfo.InvariantCulture, $"  {palette.Width}x{palette.Height} ");
        foreach (var entry in palette.Colors)
        {
            line.Append(' ');
            if (swatches)
            {
                var c = entry.Color;
                line.Append(CultureInfo.InvariantCulture, $"\e[48;2;{c.R};{c.G};{c.B}m  \e[0m ");
            }

            line.Append(CultureInfo.InvariantCulture, $"{entry.Hex} {entry.Weight * 100:0.0}%");
        }

        if (palette.Accent is { } accent)
        {
            line.Append("  accent ");
            AppendColor(line, accent);
        }

        AppendRole(line, "fg", palette.Foreground);
        AppendRole(line, "bg", palette.Background);

        line.Append(CultureInfo.InvariantCulture, $"  ({palette.Milliseconds:0.00} ms)\n");
    }

    /// <summary>A role's palette, colors only (no shares), to keep the line short.</summary>
    private void AppendRole(StringBuilder line, string name, PaletteEntry[]? colors)
    {
        if (colors is null)
        {
            return;
        }

        line.Append("  ").Append(name);
        foreach (var entry in colors)
        {
            line.Append(' ');
            AppendColor(line, entry);
        }
    }

    private void AppendColor(StringBuilder line, PaletteEntry entry)
    {
        if (swatches)
        {
            var c = entry.Color;
            line.Append(CultureInfo.InvariantCulture, $"\e[48;2;{c.R};{c.G};{c.B}m  \e[0m ");
        }

        line.Append(entry.Hex);
    }
}
