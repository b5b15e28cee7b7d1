using System.Text;
using System.Text.Json;
using DominantColors.Mqtt.HomeAssistant;
using DominantColors.Testing.Fuzzing;
using FsCheck;
using FsCheck.Fluent;

namespace DominantColors.Mqtt.Tests.HomeAssistant;

/// <summary>
/// Home Assistant command payloads arrive from anyone who may publish on the broker: whatever the bytes, the parser
/// answers with a command or a reason and never throws.
/// </summary>
public sealed class AmbientCommandParserFuzzTests
{
    private static readonly string[] StateLiterals = ["\"ON\"", "\"OFF\"", "\"on\"", "\"Off\"", "\"MAYBE\"", "\"\"", "1", "true", "null", "[]", "{}"];
    private static readonly string[] BrightnessLiterals = ["0", "1", "128", "255", "256", "-1", "12.5", "1e2", "\"128\"", "null", "true", "99999999999", "1e400", "[]"];

    [Fact]
    public void TryParseLight_RandomBytes_NeverThrows()
    {
        var bytes = Gen.Frequency(
            (1, ArbMap.Default.GeneratorFor<byte[]>()),
            (3, Mutated(Encoding.UTF8.GetBytes("""{"state":"ON","brightness":128}""")))).ToArbitrary();

        FuzzRun.Check(Prop.ForAll(bytes, payload =>
        {
            var accepted = AmbientCommandParser.TryParseLight(payload, out var on, out var brightness, out var reason);
            return accepted
                ? reason is null && IsCommand(payload, on, brightness)
                : !string.IsNullOrWhiteSpace(reason);
        }), runs: 2000);
    }

    [Fact]
    public void TryParseLight_RandomJsonObjects_AcceptsExactlyTheValidCommands()
    {
        var field = Gen.Elements(StateLiterals).Select(v => "\"state\":" + v)
            .Or(Gen.Elements(BrightnessLiterals).Select(v => "\"brightness\":" + v))
            .Or(Gen.Elements("\"color\":{\"r\":1}", "\"effect\":\"x\"", "\"transition\":2", "\"state\\u0000\":1"));
        var objects = Gen.Choose(0, 4).SelectMany(n => Gen.ListOf(field, n)).Select(fields => fields.DistinctBy(f => f[..f.IndexOf(':', StringComparison.Ordinal)]).ToList())
            .Select(fields => "{" + string.Join(',', fields) + "}").ToArbitrary();

        FuzzRun.Check(Prop.ForAll(objects, json =>
        {
            var accepted = AmbientCommandParser.TryParseLight(Encoding.UTF8.GetBytes(json), out var on, out var brightness, out var reason);
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            var state = root.TryGetProperty("state", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
            var hasBrightness = root.TryGetProperty("brightness", out var b);
            var level = hasBrightness && b.ValueKind == JsonValueKind.Number && b.TryGetInt32(out var l) && l is >= 0 and <= 255 ? l : (int?)null;
            var valid = state is "ON" or "OFF" && (!hasBrightness || level is not null);
            return accepted == valid
                && (!valid || (on == (state == "ON") && brightness == level / 255.0 && reason is null))
                && (valid || !string.IsNullOrWhiteSpace(reason));
        }), runs: 1000);
    }

    [Fact]
    public void TryParseSmoothing_RandomText_AcceptsOnlyTheOptionNames()
    {
        var text = ArbMap.Default.GeneratorFor<string>().Where(s => s is not null)
            .Or(Gen.Elements(HomeAssistantDiscovery.SmoothingOptions.ToArray()))
            .Or(Gen.Elements("HIGH", " high", "high\n", "none\0", "intense-ish", new string('x', 5000)))
            .ToArbitrary();

        FuzzRun.Check(Prop.ForAll(text, payload =>
        {
            var accepted = AmbientCommandParser.TryParseSmoothing(payload, out var level, out var reason);
            var index = HomeAssistantDiscovery.SmoothingOptions.ToList().IndexOf(payload);
            return accepted == index >= 0
                && (accepted ? (int)level == index && reason is null : reason!.Length < 200);
        }), runs: 1000);
    }

    /// <summary>A valid payload with a few bytes replaced, inserted or cut: mostly near-JSON, often invalid UTF-8.</summary>
    private static Gen<byte[]> Mutated(byte[] valid)
    {
        var edit = from kind in Gen.Choose(0, 2)
                   from at in Gen.Choose(0, valid.Length)
                   from value in Gen.Choose(0, 255)
                   select (kind, at, value);
        return Gen.Choose(1, 3).SelectMany(n => Gen.ListOf(edit, n)).Select(edits => Apply(valid, edits));
    }

    private static byte[] Apply(byte[] valid, IEnumerable<(int Kind, int At, int Value)> edits)
    {
        var bytes = valid.ToList();
        foreach (var (kind, at, value) in edits)
        {
            var index = Math.Min(at, bytes.Count);
            switch (kind)
            {
                case 0 when index < bytes.Count:
                    bytes[index] = (byte)value;
                    break;
                case 1:
                    bytes.Insert(index, (byte)value);
                    break;
                default:
                    bytes.RemoveRange(index, bytes.Count - index);
                    break;
            }
        }

        return [.. bytes];
    }

    /// <summary>Whether an accepted payload really is a JSON object whose state and brightness say what the parser returned.</summary>
    private static bool IsCommand(byte[] payload, bool on, double? brightness)
    {
        using var document = JsonDocument.Parse(payload);
        var root = document.RootElement;
        return root.GetProperty("state").GetString() == (on ? "ON" : "OFF")
            && (brightness is null || (root.GetProperty("brightness").GetInt32() / 255.0 == brightness));
    }
}
