using System.Globalization;
using System.Text.Unicode;
using DominantColors.Colors;
using DominantColors.Mqtt.Colors;

namespace DominantColors.Mqtt.Presets;

/// <summary>
/// Zigbee2MQTT: <c>&lt;topic&gt;/set</c> ← <c>{"state":"ON","color":{"x":…,"y":…},"brightness":0-254,"transition":s}</c>;
/// black is <c>{"state":"OFF",…}</c>. Zigbee carries chromaticity and brightness apart, so the color is split.
/// </summary>
internal sealed class Zigbee2MqttPresetWriter : PresetWriter
{
    private readonly string[] _topics;
    private readonly ZigbeeColorFormat _format;
    private readonly string _transition;

    public Zigbee2MqttPresetWriter(IReadOnlyList<string> deviceTopics, ZigbeeColorFormat format, double transition)
        : base(deviceTopics)
    {
        _format = format;
        _transition = transition.ToString("0.###", CultureInfo.InvariantCulture);
        _topics = deviceTopics.Select(t => t + "/set").ToArray();
    }

    public override MqttCommand Write(int light, Rgb24 color)
    {
        var buffer = Buffer(light);
        int written;
        if (color == Rgb24.Black)
        {
            Utf8.TryWrite(buffer, CultureInfo.InvariantCulture, $$"""{"state":"OFF","transition":{{_transition}}}""", out written);
            return Command(_topics[light], light, written);
        }

        var full = ColorIntensity.Normalize(color, out var value);
        var brightness = ColorIntensity.Rescale(value, 254);
        if (_format == ZigbeeColorFormat.Hex)
        {
            Utf8.TryWrite(
                buffer,
                CultureInfo.InvariantCulture,
                $$"""{"state":"ON","color":{"hex":"#{{full.R:X2}}{{full.G:X2}}{{full.B:X2}}"},"brightness":{{brightness}},"transition":{{_transition}}}""",
                out written);
        }
        else
        {
            // Custom numeric formats allocate; ten-thousandths as integers do not.
            var (x, y) = PerceivedColor.ToCieXy(color);
            var xi = (int)Math.Round(x * 10000);
            var yi = (int)Math.Round(y * 10000);
            Utf8.TryWrite(
                buffer,
                CultureInfo.InvariantCulture,
                $$"""{"state":"ON","color":{"x":{{xi / 10000}}.{{xi % 10000:D4}},"y":{{yi / 10000}}.{{yi % 10000:D4}}},"brightness":{{brightness}},"transition":{{_transition}}}""",
                out written);
        }

        return Command(_topics[light], light, written);
    }
}
