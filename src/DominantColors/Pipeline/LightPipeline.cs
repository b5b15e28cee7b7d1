using System.Diagnostics;
using DominantColors.Colors;
using DominantColors.Control;
using DominantColors.Frames;
using DominantColors.Lights;
using DominantColors.Palettes;
using DominantColors.Regions;
using DominantColors.Signal;
using DominantColors.Smoothing;

namespace DominantColors.Pipeline;

/// <summary>
/// The analysis loop's work for one frame, as a script: crop the black borders, update each zone's palette tracker,
/// pick each light's color, calibrate, smooth, fade for TV-off, delay, and publish to every sink's feed.
/// <see cref="Process"/> also runs without a frame (a tick: frames missing for <see cref="TickInterval"/> count as black)
/// so fades, smoothing and delays move on while no frame comes; <see cref="NextStepDue"/> says when the next tick is
/// needed, so a still picture or lights that are off cost no ticks at all. Feeds hear only colors that changed.
/// Single-threaded; allocates nothing per frame once warm (new settings allocate when applied).
/// </summary>
internal sealed partial class LightPipeline
{
    /// <summary>The longest output delay the ring holds at the highest frame rate a source delivers.</summary>
    private static readonly int DelayCapacity = OutputDelay.CapacityFor(TimeSpan.FromSeconds(5), 120);

    /// <summary>How long without a frame counts as a missing frame, and the step of ticks while something moves.</summary>
    public static readonly TimeSpan TickInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// While frames flow, how long after the last one the loop looks whether they stopped: the timer for that step is
    /// pushed back by every frame, and changed only every quarter of this (<see cref="Outputs.DeadlineTimer"/>).
    /// </summary>
    public static readonly TimeSpan FlowGrace = TimeSpan.FromSeconds(1);

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
    private readonly Rgb24[] _shown;
    private readonly Rgb24[] _published;
    private readonly long _tickTicks;
    private readonly long _flowGraceTicks;
    private readonly long _frameTicks;
    private readonly long _frequency;
    private bool _everPublished;
    private long _lastFrameAt = long.MinValue;
    private bool _lastFrameBlack;
    private bool _sourceHoldsLastFrame;
    private long _frameGap = long.MaxValue;
    private long _lastStepAt = long.MinValue;
    private long _movingUntil = long.MinValue;
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
    private long _signalTimeoutTicks;

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
        _shown = new Rgb24[lights];
        _published = new Rgb24[lights];
        _tickTicks = (long)(TickInterval.TotalSeconds * frequency);
        _flowGraceTicks = (long)(FlowGrace.TotalSeconds * frequency);
        _frameTicks = frequency / 30;
        _frequency = frequency;
        _scratch = new Rgb24[_routes.Length == 0 ? 0 : _routes.Max(r => r.LightIndexes.Length)];
        _borders = new BorderDetector(new BorderDetectorSettings(), frequency);
        _signal = new SignalMonitor(new SignalMonitorSettings(), frequency);
        _smoother = new Smoother(lights, new SmoothingSettings(), frequency);
        _delay = new OutputDelay(lights, DelayCapacity, frequency);
        _wholeInterval = frequency / 2;
        _pickHold = new LightPickHold(lights, new LightPickHoldSettings(), frequency);
        Configure(settings);
    }

    /// <summary>Called (on the caller's thread) when <see cref="Update"/> handed over settings: wakes the loop to apply them.</summary>
    public Action? SettingsChanged { get; init; }

    /// <summary>The settings in force.</summary>
    public PipelineSettings Settings => _settings;

    /// <summary>The colors of the last step before the output delay, one per light in settings order.</summary>
    public ReadOnlySpan<Rgb24> Colors => _colors;

    /// <summary>When the last step ran (TimeProvider ticks; <see cref="long.MinValue"/> before the first).</summary>
    public long LastStepAt => Volatile.Read(ref _lastStepAt);

    /// <summary>When the last step with a frame ran (TimeProvider ticks); <see cref="long.MinValue"/> before the first.</summary>
    public long LastFrameAt => Volatile.Read(ref _lastFrameAt);

    /// <summary>
    /// Whether the source's last frame stands until the next (<see cref="IFrameSource.HoldsLastFrame"/>): then a
    /// step without a frame sees that picture still there instead of a missing frame. Set by the thread that builds
    /// the source, read by the loop.
    /// </summary>
    public bool SourceHoldsLastFrame
    {
        get => Volatile.Read(ref _sourceHoldsLastFrame);
        set => Volatile.Write(ref _sourceHoldsLastFrame, value);
    }

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
        SettingsChanged?.Invoke();
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

        var wasDark = _signal.State is SignalState.FadingOut or SignalState.Off;
        if (frame is not null)
        {
            var start = Stopwatch.GetTimestamp();
            var black = Extract(frame, now);
            _metrics.RecordStage(PipelineMetrics.ExtractStage, start);
            _frameGap = _lastFrameAt == long.MinValue ? long.MaxValue : now - _lastFrameAt;
            Volatile.Write(ref _lastFrameAt, now);
            _lastFrameBlack = black;
            _signal.Observe(black, now);
        }
        else if (_lastFrameAt != long.MinValue && SourceHoldsLastFrame)
        {
            // A still picture stands: it is what the screen shows now, black or not.
            _signal.Observe(_lastFrameBlack, now);
        }
        else if (_lastFrameAt == long.MinValue || now - _lastFrameAt >= _tickTicks)
        {
            // Frames are missing: they count as black from one tick interval after the last one, however late the
            // tick that notices it comes (ticks are only scheduled when something can change).
            _signal.Observe(true, _lastFrameAt == long.MinValue ? now : Math.Min(now, _lastFrameAt + _tickTicks));
            _signal.Observe(true, now);
        }

        var lightsStart = Stopwatch.GetTimestamp();
        _targets.CopyTo(_colors, 0);
        _calibration.Apply(_colors);
        if (wasDark && _signal.State == SignalState.Picture)
        {
            // Picture after a fade: rise from what the lights show (off, or the idle color), not from the scene
            // before the gap; the first frame moves by one frame's worth of smoothing.
            _smoother.Seed(_shown, Math.Max(_lastStepAt, now - _frameTicks));
        }

        _smoother.Next(_colors, now, _colors);
        if (!_control.Enabled)
        {
            Array.Clear(_colors);
        }

        _signal.Apply(_colors);
        if (!_colors.AsSpan().SequenceEqual(_shown))
        {
            _colors.CopyTo(_shown, 0);
            _movingUntil = now + _tickTicks + (long)(_delay.Delay.TotalSeconds * _frequency);
        }

        Volatile.Write(ref _lastStepAt, now);
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
}
