using System.Diagnostics;
using DominantColors.Colors;
using DominantColors.Control;
using DominantColors.Extraction;
using DominantColors.Frames;

namespace DominantColors.Pipeline;

/// <summary>
/// The analysis loop's work for one frame, as a script: crop the black borders, update each zone's palette tracker,
/// pick each light's color, calibrate, smooth, fade for TV-off, delay, and publish to every sink's feed.
/// <see cref="Process"/> also runs without a frame (a time tick) so fades and delays move on while no frame comes.
/// Single-threaded; allocates nothing per frame once warm (settings changes allocate when applied).
/// </summary>
internal sealed partial class LightPipeline
{
    private readonly IReadOnlyList<SinkRoute> _routes;
    private readonly AmbientSettings _control;
    private readonly PipelineMetrics _metrics;
    private readonly TimeProvider _timeProvider;
    private PipelineSettings? _pending;
    private PipelineSettings _settings;
    private ZoneLayout _layout = null!;
    private PaletteTracker[] _trackers = [];
    private Palette[] _palettes = [];
    private OkLab[] _target = [];
    private Rgb24[] _colors = [];
    private readonly Rgb24[] _scratch;

    public LightPipeline(PipelineSettings settings, IReadOnlyList<SinkRoute> routes, AmbientSettings control, PipelineMetrics metrics, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _routes = routes;
        _control = control;
        _metrics = metrics;
        _timeProvider = timeProvider;
        _settings = settings;
        Configure(settings);
        _scratch = new Rgb24[routes.Count == 0 ? 0 : routes.Max(r => r.LightIndexes.Length)];
    }

    /// <summary>The settings in force.</summary>
    public PipelineSettings Settings => _settings;

    /// <summary>The colors last published, one per light in settings order (for the status page and tests).</summary>
    public ReadOnlySpan<Rgb24> Colors => _colors;

    /// <summary>Hands over new settings; the loop applies them before its next frame (thread-safe).</summary>
    public void Update(PipelineSettings settings) => Volatile.Write(ref _pending, settings);

    /// <summary>Runs one step at <paramref name="now"/> (TimeProvider ticks) with a frame, or with none (a tick).</summary>
    public void Process(Frame? frame, long now)
    {
        if (Volatile.Read(ref _pending) is { } pending)
        {
            Volatile.Write(ref _pending, null);
            Configure(pending);
        }

        var start = Stopwatch.GetTimestamp();
        if (frame is not null)
        {
            Extract(frame);
            _metrics.RecordStage(PipelineMetrics.ExtractStage, start);
        }

        var lightsStart = Stopwatch.GetTimestamp();
        UpdateSignal(frame, now);
        ComputeLights(now);
        var ready = Delay(now);
        _metrics.RecordStage(PipelineMetrics.LightsStage, lightsStart);

        if (ready)
        {
            Publish(now);
        }

        if (frame is not null)
        {
            _metrics.RecordFrame(frame.Timestamp, now);
        }
    }

    private void Extract(Frame frame)
    {
        Rgb24Image image = frame;
        var (left, top, width, height) = CropBorders(image);
        for (var z = 0; z < _trackers.Length; z++)
        {
            var (x, y, w, h) = ZoneLayout.ToPixels(_layout.Zones[z], left, top, width, height);
            _palettes[z] = _trackers[z].Update(image.Slice(x, y, w, h));
        }

        var lights = _settings.Lights;
        for (var i = 0; i < lights.Count; i++)
        {
            var palette = _palettes[_layout.LightZone[i]];
            var entry = lights[i].Pick.Kind switch
            {
                Lights.PickKind.Accent => palette.Accent(),
                Lights.PickKind.Rank => palette.Rank(lights[i].Pick.Rank - 1),
                _ => palette.Dominant(),
            };
            _target[i] = entry.Lab;
        }
    }

    private void Publish(long now)
    {
        var start = Stopwatch.GetTimestamp();
        foreach (var route in _routes)
        {
            var colors = _scratch.AsSpan(0, route.LightIndexes.Length);
            for (var i = 0; i < colors.Length; i++)
            {
                colors[i] = _colors[route.LightIndexes[i]];
            }

            route.Feed.Publish(colors, now);
        }

        if (_colors.Length > 0)
        {
            _metrics.RecordFirstLight(_colors[0]);
        }

        _metrics.RecordStage(PipelineMetrics.PublishStage, start);
    }

    private void Configure(PipelineSettings settings)
    {
        var sameLights = _target.Length == settings.Lights.Count;
        _settings = settings;
        _layout = new ZoneLayout(settings.Lights);
        var options = new ExtractionOptions { Colors = settings.Analysis.Colors };
        _trackers = [.. _layout.Zones.Select(_ => new PaletteTracker(options))];
        _palettes = [.. _layout.Zones.Select(_ => Palette.Empty)];
        if (!sameLights)
        {
            _target = new OkLab[settings.Lights.Count];
            _colors = new Rgb24[settings.Lights.Count];
        }

        ConfigureStages(settings);
    }
}
