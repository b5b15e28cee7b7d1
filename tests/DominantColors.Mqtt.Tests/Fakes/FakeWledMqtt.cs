using System.Globalization;
using System.Text.Json;
using DominantColors.Colors;
using MQTTnet;

namespace DominantColors.Mqtt.Tests.Fakes;

/// <summary>
/// A WLED controller's MQTT side, written from wled/WLED <c>wled00/mqtt.cpp</c> (<c>onMqttMessage</c>,
/// <c>parseMQTTBriPayload</c>) and <c>colorFromDecOrHexString</c> in <c>wled00/colors.cpp</c>: <c>&lt;t&gt;</c> takes
/// a brightness, or a payload containing <c>ON</c>/<c>on</c>/<c>true</c> (back to the last brightness) or
/// <c>T</c>/<c>t</c> (toggle); <c>&lt;t&gt;/col</c> sets the primary color and never switches WLED on (a black one
/// leaves it on, showing black); <c>&lt;t&gt;/api</c> takes a JSON state (<c>on</c>, <c>bri</c>, the first segment's
/// first color).
/// </summary>
internal sealed class FakeWledMqtt : IAsyncDisposable
{
    private readonly IMqttClient _client;
    private readonly string _topic;
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _changed = new(0);
    private int _bri;
    private int _briLast = 128;
    private Rgb24 _color = new(255, 160, 0);

    private FakeWledMqtt(IMqttClient client, string topic)
    {
        _client = client;
        _topic = topic;
        _client.ApplicationMessageReceivedAsync += e =>
        {
            Handle(e.ApplicationMessage.Topic, e.ApplicationMessage.ConvertPayloadToString() ?? string.Empty);
            return Task.CompletedTask;
        };
    }

    /// <summary>On (brightness above 0) and the primary color.</summary>
    public (bool On, Rgb24 Color) State
    {
        get
        {
            lock (_gate)
            {
                return (_bri > 0, _color);
            }
        }
    }

    /// <summary>Starts switched off, as a user may have left it, with WLED's default orange.</summary>
    public static async Task<FakeWledMqtt> StartAsync(int port, string topic)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        var wled = new FakeWledMqtt(client, topic);
        await client.ConnectAsync(
            new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithClientId("fake-wled-" + Guid.NewGuid().ToString("N")).Build(),
            CancellationToken.None);
        var filters = new MqttClientSubscribeOptionsBuilder().WithTopicFilter(topic).WithTopicFilter(topic + "/col").WithTopicFilter(topic + "/api");
        await client.SubscribeAsync(filters.Build(), CancellationToken.None);
        return wled;
    }

    /// <summary>Waits until the state satisfies <paramref name="condition"/>.</summary>
    public async Task WaitUntilAsync(Func<(bool On, Rgb24 Color), bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition(State))
        {
            await _changed.WaitAsync(timeout.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), CancellationToken.None);
        }

        _client.Dispose();
        _changed.Dispose();
    }

    private void Handle(string topic, string payload)
    {
        lock (_gate)
        {
            if (topic == _topic + "/col")
            {
                ColorFromDecOrHex(payload);
            }
            else if (topic == _topic + "/api" && payload.StartsWith('{'))
            {
                ApplyJson(payload);
            }
            else if (topic == _topic)
            {
                ApplyBrightness(payload);
            }
        }

        _changed.Release();
    }

    private void ApplyBrightness(string payload)
    {
        if (payload.Contains("ON", StringComparison.Ordinal) || payload.Contains("on", StringComparison.Ordinal) || payload.Contains("true", StringComparison.Ordinal))
        {
            _bri = _briLast;
        }
        else if (payload.Contains('T', StringComparison.Ordinal) || payload.Contains('t', StringComparison.Ordinal))
        {
            (_bri, _briLast) = _bri > 0 ? (0, _bri) : (_briLast, _briLast);
        }
        else
        {
            // strtoul: leading digits, 0 when there are none.
            var digits = new string(payload.TakeWhile(char.IsAsciiDigit).ToArray());
            var level = digits.Length == 0 ? 0 : (int)(uint.Parse(digits, CultureInfo.InvariantCulture) & 0xFF);
            if (level == 0 && _bri > 0)
            {
                _briLast = _bri;
            }

            _bri = level;
        }

        if (_bri > 0)
        {
            _briLast = _bri;
        }
    }

    private void ColorFromDecOrHex(string payload)
    {
        if (payload.Length == 0)
        {
            return;
        }

        var hex = payload[0] is '#' or 'h' or 'H';
        var text = hex ? payload[1..] : payload;
        uint.TryParse(text, hex ? NumberStyles.HexNumber : NumberStyles.None, CultureInfo.InvariantCulture, out var c);
        _color = new Rgb24((byte)(c >> 16), (byte)(c >> 8), (byte)c);
    }

    private void ApplyJson(string payload)
    {
        using var state = JsonDocument.Parse(payload);
        var root = state.RootElement;
        if (root.TryGetProperty("bri", out var bri))
        {
            _bri = bri.GetInt32();
        }

        if (root.TryGetProperty("on", out var on))
        {
            (_bri, _briLast) = on.GetBoolean() ? (_bri > 0 ? _bri : _briLast, _briLast) : (0, _bri > 0 ? _bri : _briLast);
        }

        if (root.TryGetProperty("seg", out var seg) && seg[0].TryGetProperty("col", out var col))
        {
            var first = col[0];
            _color = new Rgb24(first[0].GetByte(), first[1].GetByte(), first[2].GetByte());
        }

        if (_bri > 0)
        {
            _briLast = _bri;
        }
    }
}
