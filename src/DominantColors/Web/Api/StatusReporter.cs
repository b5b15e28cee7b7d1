using DominantColors.Control;
using DominantColors.Monitoring;
using DominantColors.Pipeline;
using DominantColors.Regions;
using DominantColors.Smoothing;
using DominantColors.Web.Preview;

namespace DominantColors.Web.Api;

/// <summary>
/// Puts together what <c>/api/status</c> and the preview events show: the latest preview snapshot, the controls,
/// the outputs' states, rates and latencies from the meters, and the health verdict. Runs at page rate, never in the
/// pipeline loop; each reporter owns its snapshot copy, so use one per request or per event stream.
/// </summary>
internal sealed class StatusReporter(WebState state)
{
    /// <summary>The window the status page's rates and recent means cover while it is open.</summary>
    public static readonly TimeSpan RateWindow = TimeSpan.FromSeconds(1);

    private readonly PreviewSnapshot _snapshot = new();

    /// <summary>The version of the preview snapshot the last report was built from.</summary>
    public long SnapshotVersion { get; private set; }

    public StatusDocument Report(bool withFrame)
    {
        SnapshotVersion = state.Preview.CopyLatest(_snapshot);
        state.Metrics.SampleIfDue(RateWindow);
        var (healthy, reason) = state.Health.Evaluate();
        var lastFrame = state.Preview.LastFrameTimestamp;
        var frames = state.Metrics.Find(DaemonMetricNames.Frames);
        return new StatusDocument
        {
            UptimeSeconds = state.Time.GetElapsedTime(state.StartedAt).TotalSeconds,
            Healthy = healthy,
            Health = reason,
            Settings = Settings(state.Settings),
            Source = new SourceDocument(
                Fps: Finite(Sum(frames, static s => s.Rate)),
                Frames: (long)Sum(frames, static s => s.Value),
                Sequence: _snapshot.Sequence,
                LastFrameAgeSeconds: lastFrame == 0 ? null : state.Time.GetElapsedTime(lastFrame).TotalSeconds,
                DroppedFrames: (long)Sum(state.Metrics.Find(DaemonMetricNames.DroppedFrames), static s => s.Value)),
            Stages = Stages(),
            Outputs = Outputs(),
            Crop = Area(_snapshot.Crop),
            Zones = Zones(),
            Lights = Lights(),
            Frame = withFrame && _snapshot.ThumbnailWidth > 0
                ? new FrameDocument(_snapshot.ThumbnailWidth, _snapshot.ThumbnailHeight, _snapshot.Thumbnail)
                : null,
        };
    }

    /// <summary>The smoothing intensities as the config and the API spell them.</summary>
    public static IReadOnlyList<string> IntensityNames { get; } = Enum.GetNames<SmoothingPreset>().Select(n => n.ToLowerInvariant()).ToArray();

    public static SettingsDocument Settings(AmbientSettings settings) =>
        new(settings.Enabled, settings.Brightness, settings.Intensity.ToString().ToLowerInvariant(), IntensityNames);

    private static double Finite(double value) => double.IsFinite(value) ? value : 0;

    private static AreaDocument Area(NormalizedRect rect) => new(rect.X, rect.Y, rect.Width, rect.Height);

    private static double Sum(MetricFamily? family, Func<MetricSeries, double> pick)
    {
        double total = 0;
        family?.Read(pick, (p, _, all) =>
        {
            foreach (var series in all)
            {
                var value = p(series);
                total += double.IsFinite(value) ? value : 0;
            }
        });
        return total;
    }

    private List<StageDocument> Stages()
    {
        var stages = new List<StageDocument>();
        state.Metrics.Find(DaemonMetricNames.StageDuration)?.Read(stages, AddStages);
        state.Metrics.Find(DaemonMetricNames.FrameLatency)?.Read(stages, AddStages);
        return stages;

        static void AddStages(List<StageDocument> list, MetricFamily family, IReadOnlyList<MetricSeries> all)
        {
            var scale = family.Instrument.Unit switch { "ms" => 1.0, "us" => 0.001, _ => 1000.0 };
            foreach (var series in all)
            {
                var name = series.Tags.FirstOrDefault(t => t.Key == DaemonMetricNames.StageTag).Value
                    ?? (family.Instrument.Name == DaemonMetricNames.FrameLatency ? "source to feeds" : family.Instrument.Name);
                list.Add(new StageDocument(name, Optional(series.RecentMean * scale), Optional(series.Last * scale)));
            }
        }

        static double? Optional(double value) => double.IsFinite(value) ? Math.Round(value, 4) : null;
    }

    private List<OutputDocument> Outputs()
    {
        var sent = state.Metrics.Find(OutputMetrics.Sent);
        var outputs = new List<OutputDocument>();
        foreach (var output in state.Outputs.All)
        {
            var status = output.Status;
            outputs.Add(new OutputDocument(
                output.Name,
                status.Connected,
                Math.Round(Finite(SumFor(sent, output.Name, static s => s.Rate)), 2),
                status.LastError,
                status.Waiting,
                Errors: status.Faults,
                Reconnects: status.Reconnects,
                Sent: status.Sent));
        }

        return outputs;
    }

    private static double SumFor(MetricFamily? family, string output, Func<MetricSeries, double> pick)
    {
        double total = 0;
        family?.Read((output, pick), (args, _, all) =>
        {
            foreach (var series in all)
            {
                if (series.Tags.Any(t => t.Key == OutputMetrics.OutputTag && t.Value == args.output))
                {
                    total += args.pick(series);
                }
            }
        });
        return total;
    }

    private List<ZoneDocument> Zones()
    {
        var zones = new List<ZoneDocument>(_snapshot.ZoneCount);
        for (var i = 0; i < _snapshot.ZoneCount; i++)
        {
            var zone = _snapshot.Zone(i);
            var palette = new List<SwatchDocument>(zone.ColorCount);
            for (var c = 0; c < zone.ColorCount; c++)
            {
                palette.Add(new SwatchDocument(zone.Colors[c].ToHex(), MathF.Round(zone.Weights[c], 4)));
            }

            zones.Add(new ZoneDocument(zone.Name, Area(zone.Area), palette));
        }

        return zones;
    }

    private List<LightDocument> Lights()
    {
        var lights = new List<LightDocument>(_snapshot.LightCount);
        for (var i = 0; i < _snapshot.LightCount; i++)
        {
            lights.Add(new LightDocument(_snapshot.LightName(i), _snapshot.LightColor(i).ToHex()));
        }

        return lights;
    }
}
