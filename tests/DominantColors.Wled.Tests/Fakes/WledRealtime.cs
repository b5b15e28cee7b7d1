using System.Buffers.Binary;
using DominantColors.Colors;

namespace DominantColors.Wled.Tests.Fakes;

/// <summary>
/// WLED's realtime mode as its firmware runs it, on a clock the test moves. Written from wled/WLED
/// <c>wled00/udp.cpp</c> (<c>realtimeLock</c>, <c>exitRealtime</c>, <c>handleNotifications</c>), <c>wled00/json.cpp</c>
/// (<c>"live"</c> in <c>deserializeState</c>) and <c>wled00/e131.cpp</c> (<c>handleDDPPacket</c>), including the
/// awkward parts:
/// <list type="bullet">
/// <item>A lock's timeout is "now + timeout", except that 65000 ms (what <c>{"live":true}</c> asks for) and 255001 ms
/// (a DRGB/DNRGB timeout byte of 255) mean never; once never, later packets cannot shorten it.</item>
/// <item>A timeout byte of 0 only zeroes the timeout and ignores the data; the mode ends at the next loop pass.</item>
/// <item>The loop ends realtime mode only once <c>millis() &gt; realtimeTimeout</c>, strictly.</item>
/// <item>Entering realtime mode blanks the strip first; realtime pixels show even while WLED is off.</item>
/// <item>DDP has no timeout of its own: each packet locks for the Sync setting's timeout, 2500 ms by default.</item>
/// </list>
/// </summary>
internal sealed class WledRealtime
{
    /// <summary><c>realtimeTimeoutMs</c>'s default in wled00/wled.h.</summary>
    public const int DefaultTimeoutMs = 2500;

    private const long Never = uint.MaxValue;
    private const int ModeGeneric = 1;
    private const int ModeUdp = 2;
    private const int ModeDdp = 10;

    private readonly TimeProvider _time;
    private readonly long _boot;
    private readonly Rgb24[] _pixels;
    private readonly Lock _gate = new();
    private int _mode;
    private long _timeout;

    public WledRealtime(TimeProvider time, int ledCount)
    {
        _time = time;
        _boot = time.GetTimestamp();
        _pixels = new Rgb24[ledCount];
    }

    /// <summary>True while the firmware is in realtime mode (its <c>realtimeMode</c>), after a loop pass.</summary>
    public bool IsLive
    {
        get
        {
            lock (_gate)
            {
                Service();
                return _mode != 0;
            }
        }
    }

    /// <summary>The strip as realtime mode last drew it.</summary>
    public Rgb24[] Pixels()
    {
        lock (_gate)
        {
            return [.. _pixels];
        }
    }

    /// <summary>The JSON API's <c>"live"</c>: true locks with 65000 ms (never), false leaves at once.</summary>
    public void Live(bool live)
    {
        lock (_gate)
        {
            if (live)
            {
                LockFor(65000, ModeGeneric);
            }
            else
            {
                Exit();
            }
        }
    }

    /// <summary>A datagram on the notifier port (21324): WARLS, DRGB, DRGBW, DNRGB, DNRGBW; anything else is ignored.</summary>
    public void HandleUdp(ReadOnlySpan<byte> packet)
    {
        lock (_gate)
        {
            Service();
            if (packet.Length < 2 || packet[0] is < 1 or > 5)
            {
                return;
            }

            if (packet[1] == 0)
            {
                _timeout = 0;
                return;
            }

            LockFor((packet[1] * 1000L) + 1, ModeUdp);
            var start = packet[0] switch
            {
                2 => 0,
                4 => BinaryPrimitives.ReadUInt16BigEndian(packet[2..]),
                _ => -1,
            };
            if (start >= 0)
            {
                Draw(start, packet[(packet[0] == 4 ? 4 : 2)..]);
            }
        }
    }

    /// <summary>A datagram on the DDP port (4048): RGB24 data at its byte offset; query and reply packets are ignored.</summary>
    public void HandleDdp(ReadOnlySpan<byte> packet)
    {
        lock (_gate)
        {
            Service();
            if (packet.Length < 10 || (packet[0] & 0x06) != 0 || packet[3] is 246 or 250 or 251)
            {
                return;
            }

            var offset = (int)BinaryPrimitives.ReadUInt32BigEndian(packet[4..]);
            int length = BinaryPrimitives.ReadUInt16BigEndian(packet[8..]);
            var data = (packet[0] & 0x10) != 0 ? packet[14..] : packet[10..];
            if (data.Length < length)
            {
                return;
            }

            LockFor(DefaultTimeoutMs, ModeDdp);
            Draw(offset / 3, data[..length]);
        }
    }

    private long Millis() => (long)_time.GetElapsedTime(_boot).TotalMilliseconds + 60_000;

    /// <summary>The top of <c>handleNotifications</c>: "unlock strip when realtime UDP times out".</summary>
    private void Service()
    {
        if (_mode != 0 && Millis() > _timeout)
        {
            Exit();
        }
    }

    private void LockFor(long timeoutMs, int mode)
    {
        if (_mode == 0)
        {
            Array.Clear(_pixels);
        }

        if (_timeout != Never)
        {
            _timeout = timeoutMs is 255001 or 65000 ? Never : Millis() + timeoutMs;
        }

        _mode = mode;
    }

    private void Exit()
    {
        if (_mode == 0)
        {
            return;
        }

        _timeout = 0;
        _mode = 0;
    }

    private void Draw(int first, ReadOnlySpan<byte> rgb)
    {
        for (int i = 0, led = first; i + 2 < rgb.Length && led < _pixels.Length; i += 3, led++)
        {
            _pixels[led] = new Rgb24(rgb[i], rgb[i + 1], rgb[i + 2]);
        }
    }
}
