using System.Globalization;

namespace DominantColors.Extract;

/// <summary>
/// <c>--format gpl</c>: one GIMP palette (read by GIMP, Inkscape and Krita) holding every input's palette, heaviest
/// first, each color named after its file, rank and share; a video contributes its whole-video palette. The layout is
/// the one GIMP writes: a <c>GIMP Palette</c> line, <c>Name:</c>, <c>Columns:</c>, <c>#</c> comments, and
/// <c>R G B</c> (each right-aligned in three columns) then a tab and the name.
/// </summary>
internal sealed class GplResultWriter(TextWriter output) : ResultWriter(output)
{
    public override void Begin() => Output.Write("GIMP Palette\nName: dominant-colors\nColumns: 0\n#\n");

    public override void Write(InputOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var palette = outcome.Summary ?? outcome.Palettes[0];
        var name = Flatten(Path.GetFileName(palette.File));
        Output.Write(string.Create(CultureInfo.InvariantCulture, $"# {name}\n"));
        for (var i = 0; i < palette.Colors.Length; i++)
        {
            var c = palette.Colors[i].Color;
            Output.Write(string.Create(
                CultureInfo.InvariantCulture, $"{c.R,3} {c.G,3} {c.B,3}\t{name} {i + 1} ({palette.Colors[i].Weight * 100:0.0}%)\n"));
        }
    }

    /// <summary>A name on one line: GIMP reads a color's name up to the end of its line.</summary>
    private static string Flatten(string name) => name.ReplaceLineEndings(" ");
}
