using DominantColors.Palettes;

namespace DominantColors.Extract;

/// <summary>Writes the palettes of the inputs that could be read, in input order, in one <see cref="ExtractFormat"/>.</summary>
internal abstract class ResultWriter
{
    protected ResultWriter(TextWriter output)
    {
        Output = output;
    }

    protected TextWriter Output { get; }

    public static ResultWriter Create(ExtractFormat format, TextWriter output, bool swatches) => format switch
    {
        ExtractFormat.Gpl => new GplResultWriter(output),
        ExtractFormat.Css => new CssResultWriter(output),
        ExtractFormat.Text => new TextResultWriter(output, swatches),
        ExtractFormat.Json => new JsonResultWriter(output),
        ExtractFormat.JsonLines => new JsonLinesResultWriter(output),
        ExtractFormat.Csv => new CsvResultWriter(output),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown format."),
    };

    /// <summary>Before the first input (a header, an opening bracket).</summary>
    public virtual void Begin()
    {
    }

    /// <summary>One input that was read.</summary>
    public abstract void Write(InputOutcome outcome);

    /// <summary>After the last input.</summary>
    public virtual void End()
    {
    }

    /// <summary>Weights with four decimals: enough to tell colors apart, short enough to read.</summary>
    protected static double RoundWeight(float weight) => Math.Round(weight, 4);

    /// <summary>Milliseconds with microsecond resolution.</summary>
    protected static double RoundMilliseconds(double milliseconds) => Math.Round(milliseconds, 3);

    protected static JsonColor? ToJson(PaletteEntry? entry) =>
        entry is { } e ? new JsonColor(e.Color.ToHex(), [e.Color.R, e.Color.G, e.Color.B], RoundWeight(e.Weight)) : null;

    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(colors))]
    protected static JsonColor[]? ToJson(PaletteEntry[]? colors)
    {
        if (colors is null)
        {
            return null;
        }

        var json = new JsonColor[colors.Length];
        for (var i = 0; i < colors.Length; i++)
        {
            var color = colors[i].Color;
            json[i] = new JsonColor(color.ToHex(), [color.R, color.G, color.B], RoundWeight(colors[i].Weight));
        }

        return json;
    }
}
