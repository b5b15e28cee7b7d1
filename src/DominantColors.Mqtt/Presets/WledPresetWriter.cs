using System.Globalization;
using System.Text.Unicode;
using DominantColors.Colors;
using DominantColors.Mqtt.Colors;

namespace DominantColors.Mqtt.Presets;

/// <summary>
/// WLED over MQTT: <c>&lt;topic&gt;/col</c> ← <c>#RRGGBB</c>, or with <c>instant</c> the JSON API on
/// <c>&lt;topic&gt;/api</c> with <c>"tt":0</c> (no crossfade) and the brightness split out of the color.
/// </summary>
internal sealed class WledPresetWriter : PresetWriter
{
    private readonly string[] _topics;
    private readonly bool _instant;

    public WledPresetWriter(IReadOnlyList<string> deviceTopics, bool instant)
        : base(deviceTopics)
    {
        _instant = instant;
        _topics = deviceTopics.Select(t => t + (instant ? "/api" : "/col")).ToArray();
    }

    public override MqttCommand Write(int light, Rgb24 color)
    {
        var buffer = Buffer(light);
        int written;
        if (!_instant)
        {
            Utf8.TryWrite(buffer, CultureInfo.InvariantCulture, $"#{color.R:X2}{color.G:X2}{color.B:X2}", out written);
        }
        else if (color == Rgb24.Black)
        {
            Utf8.TryWrite(buffer, CultureInfo.InvariantCulture, $$"""{"on":false,"tt":0}""", out written);
        }
        else
        {
            var full = ColorIntensity.Normalize(color, out var brightness);
            Utf8.TryWrite(
                buffer,
                CultureInfo.InvariantCulture,
                $$"""{"on":true,"bri":{{brightness}},"tt":0,"seg":[{"col":[[{{full.R}},{{full.G}},{{full.B}}]]}]}""",
                out written);
        }

        return Command(_topics[light], light, written);
    }
}
