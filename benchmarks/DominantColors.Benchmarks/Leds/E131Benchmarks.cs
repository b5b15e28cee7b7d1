using System.Net;
using System.Net.Sockets;
using BenchmarkDotNet.Attributes;
using DominantColors.Colors;
using DominantColors.Leds.E131;
using DominantColors.Strips;
using DominantColors.Wled;

namespace DominantColors.Benchmarks.Leds;

/// <summary>
/// Per-frame cost of a 300-LED strip (60/90/60/90 around the screen, 2 LEDs per zone) over E1.31: zone colors
/// expanded to LEDs and written into the two universes' packets, and the same plus both packets sent to a UDP
/// socket on loopback. WLED's DDP writer for the same strip is the baseline, in the same run.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class E131Benchmarks
{
    private readonly Socket _receiver = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private IReadOnlyList<StripZone> _zones = [];
    private Rgb24[] _colors = [];
    private Rgb24[] _leds = [];
    private E131PacketWriter _writer = null!;
    private E131Transport _transport = null!;
    private WledFrameWriter _ddp = null!;
    private int _frame;

    [GlobalSetup]
    public void Setup()
    {
        var layout = new StripLayout { Top = 60, Right = 90, Bottom = 60, Left = 90, LedsPerZone = 2 };
        _zones = layout.Zones("e1310");
        _colors = new Rgb24[_zones.Count];
        _leds = new Rgb24[layout.LedCount];
        _writer = new E131PacketWriter(_leds.Length, 1, 100, "dominant-colors", E131Cid.Derive("e1310", "127.0.0.1"));
        _ddp = new WledFrameWriter(WledProtocol.Ddp, _leds.Length, 2);

        _receiver.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var options = new E131Options { Host = "127.0.0.1", Port = ((IPEndPoint)_receiver.LocalEndPoint!).Port, Layout = layout };
        options.SetName("e1310");
        _transport = new E131Transport(options, _leds.Length);
        _transport.OpenAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _transport.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _receiver.Dispose();
    }

    [Benchmark(Baseline = true)]
    public void WledDdpWrite()
    {
        NextColors();
        _ddp.Write(_leds);
    }

    [Benchmark]
    public void E131Write()
    {
        NextColors();
        _writer.Write(_leds);
    }

    [Benchmark]
    public void E131WriteAndSend()
    {
        NextColors();
        _transport.SendAsync(_leds, CancellationToken.None).AsTask().GetAwaiter().GetResult();
    }

    private void NextColors()
    {
        var i = _frame++;
        for (var z = 0; z < _colors.Length; z++)
        {
            _colors[z] = new Rgb24((byte)(i + z), (byte)(i * 3), (byte)z);
        }

        StripZones.Fill(_zones, _colors, _leds);
    }
}
