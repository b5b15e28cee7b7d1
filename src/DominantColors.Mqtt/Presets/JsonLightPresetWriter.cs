using System.Globalization;
using System.Text.Unicode;
using DominantColors.Colors;
using DominantColors.Mqtt.Colors;

namespace DominantColors.Mqtt.Presets;

/// <summary>
/// The Home Assistant JSON light schema, also spoken by ESPHome:
/// <c>{"state":"ON","brightness":0-255,"color":{"r":…,"g":…,"b":…},"transition":s}</c>, black is
/// <c>{"state":"OFF",…}</c>. ESPHome ignores a transition that is not a whole number, so it gets whole seconds.
/// </summary>
internal sealed class JsonLightPresetWriter : PresetWriter
{
    private readonly string[] _topics;
    private readonly string _transition;

    public JsonLightPresetWriter(IReadOnlyList<string> deviceTopics, string suffix, double transition, bool wholeSeconds)
        : base(deviceTopics)
    {
        _topics = deviceTopics.Select(t => t + suffix).ToArray();
        var seconds = wholeSeconds ? Math.Round(transition, MidpointRounding.AwayFromZero) : transition;
        _transition = seconds.ToString("0.###", CultureInfo.InvariantCulture);
    }

    public override MqttCommand Write(int light, Rgb24 color)
    {
        var buffer = Buffer(light);
        int written;
        if (color == Rgb24.Black)
        {
            Utf8.TryWrite(buffer, CultureInfo.InvariantCulture, $$"""{"state":"OFF","transition":{{_transition}}}""", out written);
        }
        else
        {
            var full = ColorIntensity.Normalize(color, out var brightness);
            Utf8.TryWrite(
                buffer,
                CultureInfo.InvariantCulture,
                $$"""{"state":"ON","brightness":{{brightness}},"color":{"r":{{full.R}},"g":{{full.G}},"b":{{full.B}}},"transition":{{_transition}}}""",
                out written);
        }

        return Command(_topics[light], light, written);
    }
}
