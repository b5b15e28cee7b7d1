using System.Text;
using DominantColors.Mqtt.Presets;

namespace DominantColors.Mqtt.Restore;

/// <summary>
/// WLED over MQTT reports its color on <c>&lt;topic&gt;/c</c> and brightness on <c>&lt;topic&gt;/g</c>, and has no
/// request for them: they are only there to read when WLED retains them (its "Retain brightness and color messages"
/// setting). Restores the color on <c>/col</c>, then the brightness on the device topic (0 is off).
/// </summary>
internal sealed class WledStateRestorer(IReadOnlyList<string> deviceTopics) : StateRestorer(deviceTopics, 0)
{
    public override IReadOnlyList<string> StateTopics(int light) => [DeviceTopics[light] + "/c", DeviceTopics[light] + "/g"];

    public override IReadOnlyList<MqttCommand> Restore(int light, IReadOnlyDictionary<string, string> captured)
    {
        ArgumentNullException.ThrowIfNull(captured);
        var topic = DeviceTopics[light];
        var commands = new List<MqttCommand>();
        if (captured.TryGetValue(topic + "/c", out var color) && IsColor(color))
        {
            commands.Add(new(topic + "/col", Encoding.UTF8.GetBytes(color)));
        }

        if (captured.TryGetValue(topic + "/g", out var brightness) && int.TryParse(brightness, out var level) && level is >= 0 and <= 255)
        {
            commands.Add(new(topic, Encoding.UTF8.GetBytes(brightness)));
        }

        return commands;
    }

    private static bool IsColor(string payload) =>
        payload is ['#', .. var hex] && hex.Length is 6 or 8 && hex.All(Uri.IsHexDigit);
}
