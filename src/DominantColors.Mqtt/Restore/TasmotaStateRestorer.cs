using System.Globalization;
using System.Text;
using System.Text.Json;
using DominantColors.Mqtt.Presets;

namespace DominantColors.Mqtt.Restore;

/// <summary>
/// Tasmota answers <c>cmnd/&lt;topic&gt;/State</c> on <c>stat/&lt;topic&gt;/RESULT</c> with POWER, Dimmer, Color,
/// Fade and Speed. Restores Fade and Speed (the sink changed them), then the color (its values carry the dimmer)
/// when the light was on, or only the power when it was off: setting a color would switch it on.
/// </summary>
internal sealed class TasmotaStateRestorer(IReadOnlyList<string> deviceTopics) : StateRestorer(deviceTopics, 0)
{
    public override IReadOnlyList<string> StateTopics(int light) => [$"stat/{DeviceTopics[light]}/RESULT"];

    public override MqttCommand? Request(int light) => new($"cmnd/{DeviceTopics[light]}/State", ReadOnlyMemory<byte>.Empty);

    public override IReadOnlyList<MqttCommand> Restore(int light, IReadOnlyDictionary<string, string> captured)
    {
        ArgumentNullException.ThrowIfNull(captured);
        using var result = ParseObject(captured.GetValueOrDefault($"stat/{DeviceTopics[light]}/RESULT"));
        if (result is null)
        {
            return [];
        }

        var root = result.RootElement;
        var power = Text(root, "POWER") ?? Text(root, "POWER1");
        if (power is not ("ON" or "OFF"))
        {
            return [];
        }

        var steps = new List<string>();
        if (Text(root, "Fade") is { } fade)
        {
            steps.Add($"Fade {(fade is "ON" or "1" ? 1 : 0)}");
        }

        if (Text(root, "Speed") is { } speed && int.TryParse(speed, NumberStyles.None, CultureInfo.InvariantCulture, out var s) && s is >= 1 and <= 40)
        {
            steps.Add(string.Create(CultureInfo.InvariantCulture, $"Speed {s}"));
        }

        if (power == "ON" && Text(root, "Color") is { Length: > 0 } color)
        {
            steps.Add(color.Contains(',', StringComparison.Ordinal) ? $"Color {color}" : $"Color #{color}");
        }

        steps.Add($"Power {power}");
        return [new($"cmnd/{DeviceTopics[light]}/Backlog", Encoding.UTF8.GetBytes(string.Join("; ", steps)))];
    }

    private static string? Text(JsonElement root, string name) =>
        !root.TryGetProperty(name, out var value) ? null
        : value.ValueKind == JsonValueKind.String ? value.GetString()
        : value.ValueKind == JsonValueKind.Number ? value.GetRawText()
        : null;
}
