using System.Text.Json;

namespace DominantColors.Extract;

/// <summary><c>--format json</c>: one array, one object per input, written as each input completes.</summary>
internal sealed class JsonResultWriter(TextWriter output) : ResultWriter(output)
{
    private bool _first = true;

    public override void Begin() => Output.Write('[');

    public override void Write(InputOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var main = outcome.Summary ?? outcome.Palettes[0];
        JsonFrame[]? frames = null;
        if (outcome.IsSequence)
        {
            frames = outcome.Palettes
                .Select(p => new JsonFrame(p.Frame ?? 0, p.Pts, ToJson(p.Colors), RoundMilliseconds(p.Milliseconds)))
                .ToArray();
        }

        var json = new JsonInput(main.File, main.Width, main.Height, ToJson(main.Colors), RoundMilliseconds(main.Milliseconds), frames);
        Output.Write(_first ? "\n" : ",\n");
        Output.Write(JsonSerializer.Serialize(json, ExtractJsonContext.Default.JsonInput));
        _first = false;
    }

    public override void End() => Output.Write(_first ? "]\n" : "\n]\n");
}
