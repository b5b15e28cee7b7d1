using System.Globalization;
using System.Text;
using DominantColors.Colors;

namespace DominantColors.Mqtt.Presets;

/// <summary>The user's own topic and payload template; <c>payload_off</c>, when given, is sent for black.</summary>
internal sealed class TemplatePresetWriter : PresetWriter
{
    private readonly string[] _topics;
    private readonly PayloadTemplate _payload;
    private readonly PayloadTemplate? _payloadOff;
    private readonly byte[] _transition;

    public TemplatePresetWriter(IReadOnlyList<string> deviceTopics, PayloadTemplate payload, PayloadTemplate? payloadOff, double transition)
        : base(deviceTopics)
    {
        _topics = [.. deviceTopics];
        _payload = payload;
        _payloadOff = payloadOff;
        _transition = Encoding.UTF8.GetBytes(transition.ToString("0.###", CultureInfo.InvariantCulture));
    }

    public override MqttCommand Write(int light, Rgb24 color)
    {
        var template = color == Rgb24.Black && _payloadOff is not null ? _payloadOff : _payload;
        var written = template.Render(Buffer(light), color, _transition);
        return Command(_topics[light], light, written);
    }
}
