using System.Text;
using MQTTnet;

namespace DominantColors.Mqtt.HomeAssistant;

/// <summary>Incoming messages: commands from Home Assistant and its birth announcement.</summary>
public sealed partial class HomeAssistantBridge
{
    private Task OnMessageAsync(MqttApplicationMessageReceivedEventArgs args)
    {
        var message = args.ApplicationMessage;
        var payload = message.Payload.Length <= 4096 ? System.Buffers.BuffersExtensions.ToArray(message.Payload) : [];
        try
        {
            if (message.Topic == _discovery.BirthTopic)
            {
                if (Encoding.UTF8.GetString(payload) == "online")
                {
                    _republishConfigs = true;
                    Signal();
                }
            }
            else if (payload.Length == 0)
            {
                Log.CommandIgnored(_logger, message.Topic, "empty or larger than 4096 bytes");
            }
            else if (message.Topic == _discovery.LightCommandTopic)
            {
                ApplyLight(message.Topic, payload);
            }
            else if (message.Topic == _discovery.SmoothingCommandTopic)
            {
                ApplySmoothing(message.Topic, payload);
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A failure inside the daemon's settings must not take the MQTT client down with it.
            Log.CommandFailed(_logger, message.Topic, ex);
        }

        return Task.CompletedTask;
    }

    private void ApplyLight(string topic, byte[] payload)
    {
        if (!AmbientCommandParser.TryParseLight(payload, out var on, out var brightness, out var reason))
        {
            Log.CommandIgnored(_logger, topic, reason!);
            return;
        }

        if (brightness is { } level)
        {
            _control.SetBrightness(level);
            Log.CommandApplied(_logger, "brightness", level.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture));
        }

        _control.SetEnabled(on);
        Log.CommandApplied(_logger, "ambient light", on ? "on" : "off");
        Echo(state => state with { Enabled = on, Brightness = brightness ?? state.Brightness });
    }

    private void ApplySmoothing(string topic, byte[] payload)
    {
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(payload);
        }
        catch (DecoderFallbackException)
        {
            Log.CommandIgnored(_logger, topic, "not UTF-8 text");
            return;
        }

        if (!AmbientCommandParser.TryParseSmoothing(text, out var level, out var reason))
        {
            Log.CommandIgnored(_logger, topic, reason!);
            return;
        }

        _control.SetSmoothing(level);
        Log.CommandApplied(_logger, "smoothing", text);
        Echo(state => state with { Smoothing = level });
    }

    /// <summary>Shows the change in Home Assistant at once, before the daemon's next report.</summary>
    private void Echo(Func<AmbientState, AmbientState> change)
    {
        lock (_gate)
        {
            if (_state is { } state)
            {
                _state = change(state);
            }
        }

        Signal();
    }
}
