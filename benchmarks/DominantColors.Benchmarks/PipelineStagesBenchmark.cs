using BenchmarkDotNet.Attributes;
using DominantColors.Colors;
using DominantColors.Frames;
using DominantColors.Lights;
using DominantColors.Palettes;
using DominantColors.Regions;
using DominantColors.Signal;
using DominantColors.Smoothing;

namespace DominantColors.Benchmarks;

/// <summary>
/// The clock-free stages around the color engine, per 64x36 analysis frame and 8 lights: border crop and zones,
/// calibration, smoothing, the no-signal check and fade, and the output delay. Zone palettes are not extracted
/// here (that is the engine's benchmark); each light's picked color varies from frame to frame instead.
/// <see cref="PickHold"/> and <see cref="PickRaw"/> compare the picks with and without the hold on one palette.
/// </summary>
[MemoryDiagnoser]
public class PipelineStagesBenchmark
{
    private const int Lights = 8;
    private const long Frequency = 1_000_000;
    private const long FrameTicks = Frequency / 60;

    private static readonly Zone[] Zones =
        [Zone.Left, Zone.Right, Zone.Top, Zone.Bottom, Zone.Center, Zone.Whole, Zone.Create(0f, 0f, 0.5f, 0.5f), Zone.Create(0.5f, 0.5f, 0.5f, 0.5f)];

    private readonly Rgb24[] _picked = new Rgb24[Lights];
    private readonly Rgb24[] _smoothed = new Rgb24[Lights];
    private readonly Rgb24[] _out = new Rgb24[Lights];
    private readonly PixelRect[] _zoneRects = new PixelRect[Lights];
    private readonly LightPick[] _picks =
        [LightPick.Dominant, LightPick.Accent, LightPick.AtRank(2), LightPick.AtRank(3), LightPick.Dominant, LightPick.Accent, LightPick.AtRank(2), LightPick.AtRank(5)];
    private readonly Palette[] _palettes = new Palette[2];
    private LightPickHold _pickHold = null!;
    private Frame _frame = null!;
    private BorderDetector _borders = null!;
    private Calibration _calibration = null!;
    private Smoother _smoother = null!;
    private SignalMonitor _signal = null!;
    private OutputDelay _delay = null!;
    private long _now;

    [GlobalSetup]
    public void Setup()
    {
        _frame = Frames.Frame.Create(64, 36);
        var pixels = _frame.PixelsToWrite;
        pixels.Clear();

        // A 2.39:1 film with subtitles in the bottom bar.
        for (var y = 5; y < 32; y++)
        {
            for (var x = 0; x < 64; x++)
            {
                var i = (y * _frame.Stride) + (x * 3);
                (pixels[i], pixels[i + 1], pixels[i + 2]) = ((byte)(60 + (x * 3)), (byte)(40 + (y * 5)), (byte)(200 - (x * 2)));
            }
        }

        pixels.Slice((33 * _frame.Stride) + (12 * 3), 40 * 3).Fill(230);

        _borders = new BorderDetector(new BorderDetectorSettings(), Frequency);
        _calibration = new Calibration(new CalibrationSettings { Brightness = 0.8f, MinimumBrightness = 0.01f, Gamma = 1.2f, Saturation = 1.2f, WhiteTemperature = 5000f });
        _smoother = new Smoother(Lights, new SmoothingSettings { Preset = SmoothingPreset.Moderate }, Frequency);
        _signal = new SignalMonitor(new SignalMonitorSettings(), Frequency);
        _delay = new OutputDelay(Lights, OutputDelay.CapacityFor(TimeSpan.FromMilliseconds(500), 60), Frequency) { Delay = TimeSpan.FromMilliseconds(100) };
        _pickHold = new LightPickHold(Lights, new LightPickHoldSettings(), Frequency);

        // A zone's palette of 5 clusters whose two largest swap places every frame (k = 5, the default).
        Rgb24[] clusters = [new(200, 30, 30), new(30, 60, 200), new(128, 128, 128), new(240, 200, 40), new(20, 20, 20)];
        _palettes[0] = Palette.FromColors(clusters, [0.3, 0.28, 0.2, 0.12, 0.1]);
        _palettes[1] = Palette.FromColors(clusters, [0.28, 0.3, 0.2, 0.12, 0.1]);

        // Past the border hold time and the delay, so every call below is steady state.
        for (var i = 0; i < 300; i++)
        {
            WholeChain();
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _frame.Dispose();

    /// <summary>One frame through every stage: crop, zones, calibration, smoothing, fade, delay.</summary>
    [Benchmark]
    public Rgb24 WholeChain()
    {
        _now += FrameTicks;
        var crop = _borders.Detect(_frame, _now);
        var phase = (int)(_now / FrameTicks);
        for (var i = 0; i < Lights; i++)
        {
            _zoneRects[i] = Zones[i].Apply(crop);
            _picked[i] = _calibration.Apply(new Rgb24((byte)(phase + (i * 31)), (byte)(90 + i), (byte)(200 - (phase % 50))));
        }

        _smoother.Next(_picked, _now, _smoothed);
        _signal.Observe(_signal.IsBlack(_frame), _now);
        _signal.Apply(_smoothed);
        _delay.Write(_smoothed, _now);
        _delay.TryRead(_now, _out, out _);
        return _out[0];
    }

    /// <summary>The border detector alone, the only stage that reads pixels.</summary>
    [Benchmark]
    public PixelRect BorderDetect()
    {
        _now += FrameTicks;
        return _borders.Detect(_frame, _now);
    }

    /// <summary>Calibration of 8 colors (OKLab saturation, white point, gamma).</summary>
    [Benchmark]
    public Rgb24 Calibrate()
    {
        var last = default(Rgb24);
        for (var i = 0; i < Lights; i++)
        {
            last = _calibration.Apply(new Rgb24((byte)(i * 31), 90, 200));
        }

        return last;
    }

    /// <summary>8 lights' picks from a palette of 5 clusters, as they are chosen each frame: with the hold.</summary>
    [Benchmark]
    public Rgb24 PickHold()
    {
        _now += FrameTicks;
        var palette = _palettes[(int)(_now / FrameTicks) & 1];
        var last = default(Rgb24);
        for (var i = 0; i < Lights; i++)
        {
            last = _pickHold.Select(i, _picks[i], palette, sceneCut: false, _now).Color;
        }

        return last;
    }

    /// <summary>The same picks without the hold: each frame's choice as it is.</summary>
    [Benchmark]
    public Rgb24 PickRaw()
    {
        _now += FrameTicks;
        var palette = _palettes[(int)(_now / FrameTicks) & 1];
        var last = default(Rgb24);
        for (var i = 0; i < Lights; i++)
        {
            last = _picks[i].Apply(palette);
        }

        return last;
    }

    /// <summary>Smoothing of 8 lights in OKLab.</summary>
    [Benchmark]
    public Rgb24 Smooth()
    {
        _now += FrameTicks;
        _picked[(int)(_now / FrameTicks) % Lights] = new Rgb24((byte)_now, 50, 100);
        _smoother.Next(_picked, _now, _smoothed);
        return _smoothed[0];
    }
}
