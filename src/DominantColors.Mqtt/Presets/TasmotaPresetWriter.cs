using System.Globalization;
using System.Text;
using System.Text.Unicode;
using DominantColors.Colors;

namespace DominantColors.Mqtt.Presets;

/// <summary>
/// Tasmota: <c>cmnd/&lt;topic&gt;/Color</c> ← <c>#RRGGBB</c> (the values carry the brightness). <c>#000000</c> is
/// Tasmota's off: a color of brightness 0 switches the power off, and any other switches it on again
/// (<c>LightPreparePower</c> in arendst/Tasmota xdrv_04_light.ino). After each connect <c>Fade</c> and <c>Speed</c> make
/// the lamp glide over the configured transition.
/// </summary>
internal sealed class TasmotaPresetWriter : PresetWriter
{
    private readonly string[] _topics;
    private readonly MqttCommand[][] _setup;

    public TasmotaPresetWriter(IReadOnlyList<string> deviceTopics, double transition)
        : base(deviceTopics)
    {
        _topics = deviceTopics.Select(t => $"cmnd/{t}/Color").ToArray();

        // Speed is half-seconds for a full 0-100 % fade, 1..40.
        var fade = transition > 0 ? "1" : "0";
        var speed = Math.Clamp((int)Math.Round(transition * 2, MidpointRounding.AwayFromZero), 1, 40)
            .ToString(CultureInfo.InvariantCulture);
        _setup = deviceTopics
            .Select(t => new MqttCommand[]
            {
                new($"cmnd/{t}/Fade", Encoding.UTF8.GetBytes(fade)),
                new($"cmnd/{t}/Speed", Encoding.UTF8.GetBytes(speed)),
            })
            .ToArray();
    }

    public override MqttCommand Write(int light, Rgb24 color)
    {
        Utf8.TryWrite(Buffer(light), CultureInfo.InvariantCulture, $"#{color.R:X2}{color.G:X2}{color.B:X2}", out var written);
        return Command(_topics[light], light, written);
    }

    public override IReadOnlyList<MqttCommand> SetupCommands(int light) => _setup[light];
}
