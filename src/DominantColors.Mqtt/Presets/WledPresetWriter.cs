using System.Globalization;
using System.Text.Unicode;
using DominantColors.Colors;
using DominantColors.Mqtt.Colors;

namespace DominantColors.Mqtt.Presets;

/// <summary>
/// WLED over MQTT (wled00/mqtt.cpp): <c>&lt;topic&gt;/col</c> ← <c>#RRGGBB</c>, and black as WLED's off,
/// <c>OFF</c> on <c>&lt;topic&gt;</c> (a black <c>/col</c> would leave WLED on, its effect running on black). <c>/col</c>
/// never switches WLED on, so the first color after an off (or after a connect, when WLED may have been switched off
/// meanwhile) is followed by <c>ON</c> on <c>&lt;topic&gt;</c>, which brings back WLED's last brightness. With
/// <c>instant</c> the JSON API on <c>&lt;topic&gt;/api</c> carries on/off itself, with <c>"tt":0</c> (no crossfade) and
/// the brightness split out of the color.
/// </summary>
internal sealed class WledPresetWriter : PresetWriter
{
    private static readonly byte[] On = "ON"u8.ToArray();
    private static readonly byte[] Off = "OFF"u8.ToArray();

    private readonly string[] _topics;
    private readonly bool _instant;
    private readonly bool[] _lit;
    private readonly bool[] _switchOnNext;

    public WledPresetWriter(IReadOnlyList<string> deviceTopics, bool instant)
        : base(deviceTopics)
    {
        _instant = instant;
        _topics = deviceTopics.Select(t => t + (instant ? "/api" : "/col")).ToArray();
        _lit = new bool[deviceTopics.Count];
        _switchOnNext = new bool[deviceTopics.Count];
    }

    public override MqttCommand Write(int light, Rgb24 color)
    {
        if (_instant)
        {
            return WriteJson(light, color);
        }

        if (color == Rgb24.Black)
        {
            _lit[light] = false;
            _switchOnNext[light] = false;
            return new MqttCommand(DeviceTopics[light], Off);
        }

        _switchOnNext[light] = !_lit[light];
        _lit[light] = true;
        Utf8.TryWrite(Buffer(light), CultureInfo.InvariantCulture, $"#{color.R:X2}{color.G:X2}{color.B:X2}", out var written);
        return Command(_topics[light], light, written);
    }

    public override bool TryWriteFollowUp(int light, out MqttCommand command)
    {
        command = _switchOnNext[light] ? new MqttCommand(DeviceTopics[light], On) : default;
        var pending = _switchOnNext[light];
        _switchOnNext[light] = false;
        return pending;
    }

    public override void Reset()
    {
        Array.Clear(_lit);
        Array.Clear(_switchOnNext);
    }

    private MqttCommand WriteJson(int light, Rgb24 color)
    {
        var buffer = Buffer(light);
        int written;
        if (color == Rgb24.Black)
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
