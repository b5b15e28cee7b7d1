using System.Globalization;
using System.Text;
using DominantColors.Palettes;

namespace DominantColors.Extract;

/// <summary>
/// <c>--format csv</c>: one row per color, so a spreadsheet can filter and pivot. <c>role</c> says which palette a row
/// belongs to: <c>palette</c> (the picture's, heaviest first from <c>rank</c> 1), <c>accent</c> (one row; its weight is
/// its share of the palette), <c>foreground</c> and <c>background</c> (each its own palette, weights summing to 1).
/// <c>frame</c> and <c>pts</c> are empty for pictures. Quoting follows RFC 4180.
/// </summary>
internal sealed class CsvResultWriter(TextWriter output) : ResultWriter(output)
{
    public const string Header = "file,frame,pts,width,height,rank,hex,r,g,b,weight,ms,role";

    private readonly StringBuilder _row = new();

    public override void Begin() => Output.Write(Header + "\n");

    public override void Write(InputOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        foreach (var palette in outcome.Palettes)
        {
            var file = Quote(palette.File);
            WriteRows(file, palette, palette.Colors, "palette");
            if (palette.Accent is { } accent)
            {
                WriteRows(file, palette, [accent], "accent");
            }

            WriteRows(file, palette, palette.Foreground ?? [], "foreground");
            WriteRows(file, palette, palette.Background ?? [], "background");
        }
    }

    internal static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private void WriteRows(string file, PaletteRecord palette, PaletteEntry[] colors, string role)
    {
        for (var rank = 0; rank < colors.Length; rank++)
        {
            var entry = colors[rank];
            _row.Clear();
            _row.Append(CultureInfo.InvariantCulture, $"{file},{palette.Frame},{palette.Pts},{palette.Width},{palette.Height},{rank + 1},");
            _row.Append(CultureInfo.InvariantCulture, $"{entry.Hex},{entry.Color.R},{entry.Color.G},{entry.Color.B},");
            _row.Append(CultureInfo.InvariantCulture, $"{RoundWeight(entry.Weight)},{RoundMilliseconds(palette.Milliseconds)},{role}\n");
            Output.Write(_row);
        }
    }
}
