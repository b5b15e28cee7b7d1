using System.Globalization;
using System.Text;

namespace DominantColors.Extract;

/// <summary>
/// <c>--format csv</c>: one row per palette color, heaviest first (<c>rank</c> 1), so a spreadsheet can filter and
/// pivot; <c>frame</c> and <c>pts</c> are empty for pictures. Quoting follows RFC 4180.
/// </summary>
internal sealed class CsvResultWriter(TextWriter output) : ResultWriter(output)
{
    public const string Header = "file,frame,pts,width,height,rank,hex,r,g,b,weight,ms";

    public override void Begin() => Output.Write(Header + "\n");

    public override void Write(InputOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var row = new StringBuilder();
        foreach (var palette in outcome.Palettes)
        {
            var file = Quote(palette.File);
            for (var rank = 0; rank < palette.Colors.Length; rank++)
            {
                var entry = palette.Colors[rank];
                row.Clear();
                row.Append(CultureInfo.InvariantCulture, $"{file},{palette.Frame},{palette.Pts},{palette.Width},{palette.Height},{rank + 1},");
                row.Append(CultureInfo.InvariantCulture, $"{entry.Hex},{entry.Color.R},{entry.Color.G},{entry.Color.B},");
                row.Append(CultureInfo.InvariantCulture, $"{RoundWeight(entry.Weight)},{RoundMilliseconds(palette.Milliseconds)}\n");
                Output.Write(row);
            }
        }
    }

    internal static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
