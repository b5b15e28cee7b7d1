namespace DominantColors.Testing.Hue;

public sealed partial class FakeHueBridge
{
    /// <summary>
    /// A second application takes <paramref name="area"/> while we stream to it, as a real bridge lets it: Signify's
    /// own streaming SDK (huestream <c>StreamStarter</c>, with an override level) stops the area and starts it for
    /// itself, and diyHue's bridge emulator (<c>BridgeEmulator/flaskUI/v2restapi.py</c> start handler with
    /// <c>services/entertainment.py</c>) records the new owner and kills the DTLS server of the running session. So
    /// <c>active_streamer</c> names the other application and our session ends: with a close_notify when
    /// <paramref name="alert"/> (as the bridge ends a session it stops), or silently (diyHue kills its
    /// <c>openssl s_server</c>, which sends nothing), leaving only the area's status to tell. Our handshakes are refused
    /// from then on, and our stops of the area would end the other application's stream.
    /// </summary>
    public void StartAsOtherApplication(FakeArea area, string otherApplicationId, bool alert = true)
    {
        ArgumentNullException.ThrowIfNull(area);
        lock (_gate)
        {
            area.ActiveStreamer = otherApplicationId;
            area.OtherStarts++;
        }

        Entertainment.KillSession(alert);
        Signal();
    }

    /// <summary>
    /// What a bulb of <paramref name="area"/> shows for one streamed frame, as diyHue's entertainment service applies it
    /// (<c>services/entertainment.py</c>): in the xy color space each channel sets its light's x and y and, from the
    /// brightness's high byte (0-255), the light's level; level 0 turns the light off and leaves the rest. The level is
    /// relative to the most the bulb gives at that chromaticity, so 255 is full brightness in any color. RGB frames are
    /// not applied (the sinks under test stream xy).
    /// </summary>
    internal void ShowStreamed(FakeArea area, HueStreamFrame frame)
    {
        if (frame.ColorSpace != 1)
        {
            return;
        }

        lock (_gate)
        {
            foreach (var channel in frame.Channels)
            {
                if (channel.Id >= area.Channels.Count)
                {
                    continue;
                }

                var light = area.Channels[channel.Id].Light;
                var level = channel.Third >> 8;
                light.On = level > 0;
                if (light.On)
                {
                    light.Brightness = level / 255.0 * 100;
                    (light.X, light.Y) = (channel.First / 65535.0, channel.Second / 65535.0);
                }
            }
        }
    }
}
