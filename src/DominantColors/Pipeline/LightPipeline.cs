using System.Diagnostics;
using DominantColors.Analysis;
using DominantColors.Colors;
using DominantColors.Control;
using DominantColors.Extraction;
using DominantColors.Frames;
using DominantColors.Lights;
using DominantColors.Smoothing;

namespace DominantColors.Pipeline;

/// <summary>
/// The analysis loop's work for one frame, as a script: crop the black borders, update each zone's palette tracker,
/// pick each light's color, calibrate, smooth, fade for TV-off, delay, and publish to every sink's feed.
/// <see cref="Process"/> also runs without a frame (a tick: a missing frame counts as black) so fades and delays move
/// on while no frame comes. Single-threaded; allocates nothing per frame once warm (new settings allocate when applied).
/// </summary>
internal sealed partial class LightPipeline
{
    /// <summary>The longest output delay the ring holds at the highest frame rate a source delivers.</summary>
    private static readonly int DelayCapacity = OutputDelay.CapacityFor(TimeSpan.FromSeconds(5), 120);

    /// <summary>An array, not the list handed in: foreach over an interface allocates its enumerator every frame.</summary>
    private readonly SinkRoute[] _routes;
    private readonly AmbientSettings _control;
    private readonly PipelineMetrics _metrics;
    private readonly Rgb24[] _scratch;
    private readonly BorderDetector _borders;
    private readonly Calibration _calibration = new(new CalibrationSettings());
    private readonly SignalMonitor _signal;
    private readonly Smoother _smoother;
    private readonly OutputDelay _delay;
    private readonly Rgb24[] _targets;
    private readonly Rgb24[] _colors;
    private readonly Rgb24[] _delayed;
    private PipelineSettings? _pending;
    private PipelineSettings _settings;
    private ZoneLayout _layout = null!;
    private PaletteTracker[] _trackers = [];
    private Palette[] _palettes = [];
    private long _controlVersion = -1;
    private PaletteTracker? _wholeTracker;
    private int _wholeZone = -1;
    private long _wholeDueAt = long.MinValue;
    private readonly long _wholeInterval;

    public LightPipeline(PipelineSettings settings, IReadOnlyList<SinkRoute> routes, AmbientSettings control, PipelineMetrics metrics, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(routes);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _routes = [.. routes];
        _control = control;
        _metrics = metrics;
        _settings = settings;
        var lights = settings.Lights.Count;
        var frequency = timeProvider.TimestampFrequency;
        _targets = new Rgb24[lights];
        _colors = new Rgb24[lights];
        _delayed = new Rgb24[lights];
        _scratch = new Rgb24[_routes.Length == 0 ? 0 : _routes.Max(r => r.LightIndexes.Length)];
        _borders = new BorderDetector(new BorderDetectorSettings(), frequency);
        _signal = new SignalMonitor(new SignalMonitorSettings(), frequency);
        _smoother = new Smoother(lights, new SmoothingSettings(), frequency);
        _delay = new OutputDelay(lights, DelayCapacity, frequency);
        _wholeInterval = frequency / 2;
        _pickHold = new LightPickHold(lights, new LightPickHoldSettings(), frequency);
        Configure(settings);
    }

    /// <summary>The settings in force.</summary>
    public PipelineSettings Settings => _settings;

    /// <summary>The colors of the last step before the output delay, one per light in settings order.</summary>
    public ReadOnlySpan<Rgb24> Colors => _colors;

    /// <summary>TV-off state: picture, waiting, fading out or off.</summary>
    public SignalState Signal => _signal.State;

    /// <summary>The crop the border detector settled on, in frame pixels.</summary>
    public PixelRect Crop => _borders.Current;

    /// <summary>
    /// Hands over new settings from another thread; the loop applies them before its next step. The set of light names
    /// must not change (sinks' feeds are fixed): zones, picks and every other option may.
    /// </summary>
    public void Update(PipelineSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Lights.Count != _targets.Length)
        {
            throw new ArgumentException($"Expected {_targets.Length} lights, got {settings.Lights.Count}.", nameof(settings));
        }

        Volatile.Write(ref _pending, settings);
    }

    /// <summary>Runs one step at <paramref name="now"/> (TimeProvider ticks) with a frame, or with none (a tick).</summary>
    public void Process(Frame? frame, long now)
    {
        if (Interlocked.Exchange(ref _pending, null) is { } pending)
        {
            Configure(pending);
        }

        if (_control.Version != _controlVersion)
        {
            ApplyControl();
        }

        var black = true;
        if (frame is not null)
        {
            var start = Stopwatch.GetTimestamp();
            black = Extract(frame, now);
            _metrics.RecordStage(PipelineMetrics.ExtractStage, start);
        }

        var lightsStart = Stopwatch.GetTimestamp();
        _signal.Observe(black, now);
        _targets.CopyTo(_colors, 0);
        _calibration.Apply(_colors);
        _smoother.Next(_colors, now, _colors);
        if (!_control.Enabled)
        {
            Array.Clear(_colors);
        }

        _signal.Apply(_colors);
        var output = _colors;
        if (_delay.Delay > TimeSpan.Zero)
        {
            _delay.Write(_colors, now);
            output = _delay.TryRead(now, _delayed, out _) ? _delayed : null;
        }

        _metrics.RecordStage(PipelineMetrics.LightsStage, lightsStart);
        if (output is not null)
        {
            Publish(output, now);
        }

        if (frame is not null)
        {
            _metrics.RecordFrame(frame.Timestamp, now);
            CapturePreview(frame, now);
        }
    }

    /// <summary>Border crop, per-zone palettes and per-light picks; returns whether the frame is black.</summary>
    private bool Extract(Frame frame, long now)
    {
        Rgb24Image image = frame;
        var crop = _settings.Analysis.Borders ? _borders.Detect(image, frame.Timestamp) : PixelRect.Whole(image.Width, image.Height);
        for (var z = 0; z < _trackers.Length; z++)
        {
            var rect = _layout.Zones[z].Apply(crop);
            _palettes[z] = rect.IsEmpty ? Palette.Empty : _trackers[z].Update(image.Slice(rect.X, rect.Y, rect.Width, rect.Height));
        }

        PickLights(now);
        RecordPictureDominant(image, crop, frame.Timestamp);
        return _signal.IsBlack(image);
    }

    /// <summary>
    /// The whole (cropped) picture's dominant color, for Home Assistant and the status page: a light's zone that is
    /// the whole picture gives it for free; otherwise a tracker of its own runs twice a second (warm, 0 B).
    /// </summary>
    private void RecordPictureDominant(Rgb24Image image, PixelRect crop, long timestamp)
    {
        if (_wholeZone >= 0)
        {
            _metrics.RecordPictureDominant(_palettes[_wholeZone].Dominant().Color);
            return;
        }

        if (_wholeTracker is null || crop.IsEmpty || timestamp < _wholeDueAt)
        {
            return;
        }

        _wholeDueAt = timestamp + _wholeInterval;
        _metrics.RecordPictureDominant(_wholeTracker.Update(image.Slice(crop.X, crop.Y, crop.Width, crop.Height)).Dominant().Color);
    }

    private void Publish(Rgb24[] colors, long now)
    {
        var start = Stopwatch.GetTimestamp();
        foreach (var route in _routes)
        {
            var scratch = _scratch.AsSpan(0, route.LightIndexes.Length);
            for (var i = 0; i < scratch.Length; i++)
            {
                scratch[i] = colors[route.LightIndexes[i]];
            }

            route.Feed.Publish(scratch, now);
        }

        if (_colors.Length > 0)
        {
            _metrics.RecordFirstLight(_colors[0]);
        }

        _metrics.RecordStage(PipelineMetrics.PublishStage, start);
    }

    private void Configure(PipelineSettings settings)
    {
        var zonesChanged = _trackers.Length == 0 || !settings.Lights.Select(l => l.Zone).SequenceEqual(_settings.Lights.Select(l => l.Zone))
            || settings.Analysis.Colors != _settings.Analysis.Colors;
        _settings = settings;
        _layout = new ZoneLayout(settings.Lights);
        if (zonesChanged)
        {
            var options = new ExtractionOptions { Colors = settings.Analysis.Colors };
            _trackers = [.. _layout.Zones.Select(_ => new PaletteTracker(options))];
            _palettes = [.. _layout.Zones.Select(_ => Palette.Empty)];
            _wholeZone = IndexOfWhole(_layout.Zones);
            _wholeTracker = _wholeZone >= 0 ? null : new PaletteTracker(options);
            _wholeDueAt = long.MinValue;
        }

        var signal = settings.Signal;
        _signal.Update(new SignalMonitorSettings
        {
            BlackTimeout = TimeSpan.FromSeconds(signal.OffAfterSeconds),
            FadeTime = TimeSpan.FromSeconds(signal.FadeSeconds),
            DarknessThreshold = signal.BlackLevel / 255f,
            BlackCoverage = (float)signal.BlackCoverage,
            IdleColor = Rgb24.TryParseHex(signal.IdleColor, out var idle) ? idle : Rgb24.Black,
        });
        _smoother.Update(new SmoothingSettings { Preset = _control.Intensity, DeadBand = (float)settings.Smoothing.DeadBand });
        _delay.Delay = TimeSpan.FromMilliseconds(settings.Smoothing.DelayMs);
        ApplyControl();
    }

    private static int IndexOfWhole(IReadOnlyList<Zone> zones)
    {
        for (var z = 0; z < zones.Count; z++)
        {
            if (zones[z] == Zone.Whole)
            {
                return z;
            }
        }

        return -1;
    }

    /// <summary>Brightness and smoothing intensity from the control settings (web page, Home Assistant).</summary>
    private void ApplyControl()
    {
        _controlVersion = _control.Version;
        var calibration = _settings.Calibration;
        _calibration.Update(new CalibrationSettings
        {
            Brightness = (float)(calibration.Brightness * _control.Brightness),
            MinimumBrightness = (float)Math.Min(calibration.MinBrightness, calibration.Brightness * _control.Brightness),
            Gamma = (float)calibration.Gamma,
            Saturation = (float)calibration.Saturation,
            WhiteTemperature = calibration.WhitePoint == 6500 ? null : calibration.WhitePoint,
            RedGain = (float)calibration.RedGain,
            GreenGain = (float)calibration.GreenGain,
            BlueGain = (float)calibration.BlueGain,
        });
        if (_smoother.Settings.Preset != _control.Intensity)
        {
            _smoother.SetPreset(_control.Intensity);
        }
    }
}
