using System.Text.Json;

namespace DominantColors.Extract;

/// <summary><c>--format json</c>: one array, one object per input, written as each input completes.</summary>
internal sealed class JsonResultWriter(TextWriter output) : ResultWriter(output)
{
    private bool _first = true;

    public override void Begin() => Output.Write('[');

    public override void Write(InputOutcome outcome)
    {
        Output.Write(_first ? "\n" : ",\n");
        Output.Write(JsonSerializer.Serialize(ToJsonInput(outcome), ExtractJsonContext.Default.JsonInput));
        _first = false;
    }

    public override void End() => Output.Write(_first ? "]\n" : "\n]\n");

    /// <summary>The object one input is written as: its palette (a video's whole palette, with its frames) and roles.</summary>
    public static JsonInput ToJsonInput(InputOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var main = outcome.Summary ?? outcome.Palettes[0];
        JsonFrame[]? frames = null;
        if (outcome.IsSequence)
        {
            frames = new JsonFrame[outcome.Palettes.Count];
            for (var i = 0; i < frames.Length; i++)
            {
                var p = outcome.Palettes[i];
                frames[i] = new JsonFrame(
                    p.Frame ?? 0, p.Pts, ToJson(p.Colors), ToJson(p.Accent), ToJson(p.Foreground), ToJson(p.Background), RoundMilliseconds(p.Milliseconds));
            }
        }

        return new JsonInput(
            main.File,
            main.Width,
            main.Height,
            ToJson(main.Colors),
            ToJson(main.Accent),
            ToJson(main.Foreground),
            ToJson(main.Background),
            RoundMilliseconds(main.Milliseconds),
            frames);
    }
}
