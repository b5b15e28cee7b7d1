using System.Text.Json;

namespace DominantColors.Extract;

/// <summary><c>--format jsonl</c>: one object per line, per picture and per video frame, in order.</summary>
internal sealed class JsonLinesResultWriter(TextWriter output) : ResultWriter(output)
{
    public override void Write(InputOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        foreach (var palette in outcome.Palettes)
        {
            var line = new JsonLine(
                palette.File,
                palette.Frame,
                palette.Pts,
                palette.Width,
                palette.Height,
                ToJson(palette.Colors),
                ToJson(palette.Accent),
                ToJson(palette.Foreground),
                ToJson(palette.Background),
                RoundMilliseconds(palette.Milliseconds));
            Output.Write(JsonSerializer.Serialize(line, ExtractJsonContext.Default.JsonLine));
            Output.Write('\n');
        }
    }
}
