using System.Diagnostics;
using System.Diagnostics.Metrics;
using DominantColors.Colors;

namespace DominantColors.Pipeline;

/// <summary>
/// The pipeline's meters (<c>DominantColors.Pipeline</c>): frames, dropped frames, per-stage time, frame-to-feed
/// latency and sink faults. Readable with <c>dotnet-counters</c> now and by the metrics endpoint later.
/// </summary>
internal sealed class PipelineMetrics
{
    public const string MeterName = "DominantColors.Pipeline";
    public const string ExtractStage = "extract";
    public const string LightsStage = "lights";
    public const string PublishStage = "publish";

    private readonly Counter<long> _frames;
    private readonly Counter<long> _dropped;
    private readonly Counter<long> _sinkFaults;
    private readonly Histogram<double> _stage;
    private readonly Histogram<double> _latency;
    private readonly TimeProvider _time;
    private long _frameCount;
    private long _droppedCount;
    private int _firstLight;
    private int _pictureDominant;

    public PipelineMetrics(IMeterFactory meterFactory, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _time = timeProvider;
        _frames = meter.CreateCounter<long>("dominant_colors.frames", "{frame}", "Frames analysed");
        _dropped = meter.CreateCounter<long>("dominant_colors.frames.dropped", "{frame}", "Frames dropped because analysis was busy");
        _sinkFaults = meter.CreateCounter<long>("dominant_colors.sink.faults", "{fault}", "Sink failures (each retried)");
        _stage = meter.CreateHistogram<double>("dominant_colors.stage.duration", "ms", "Time spent per pipeline stage and frame");
        _latency = meter.CreateHistogram<double>("dominant_colors.frame.latency", "ms", "From the source reading a frame to its colors reaching the sink feeds");
    }

    /// <summary>Frames analysed so far (also for the watchdog and tests).</summary>
    public long Frames => Interlocked.Read(ref _frameCount);

    public long Dropped => Interlocked.Read(ref _droppedCount);

    public void RecordFrame(long frameTimestamp, long now)
    {
        Interlocked.Increment(ref _frameCount);
        _frames.Add(1);
        _latency.Record(_time.GetElapsedTime(frameTimestamp, now).TotalMilliseconds);
    }

    /// <summary>The first light's color as last published (for Home Assistant and the status page).</summary>
    public Rgb24 FirstLight
    {
        get
        {
            var packed = Volatile.Read(ref _firstLight);
            return new Rgb24((byte)(packed >> 16), (byte)(packed >> 8), (byte)packed);
        }
    }

    /// <summary>Called by the analysis loop on each publish; packs the color in one int, so it allocates nothing.</summary>
    public void RecordFirstLight(Rgb24 color) => Volatile.Write(ref _firstLight, (color.R << 16) | (color.G << 8) | color.B);

    /// <summary>The whole (border-cropped) picture's dominant color, as last analysed (for Home Assistant).</summary>
    public Rgb24 PictureDominant => Unpack(Volatile.Read(ref _pictureDominant));

    /// <summary>Called by the analysis loop; packs the color in one int, so it allocates nothing.</summary>
    public void RecordPictureDominant(Rgb24 color) => Volatile.Write(ref _pictureDominant, (color.R << 16) | (color.G << 8) | color.B);

    public void RecordDropped()
    {
        Interlocked.Increment(ref _droppedCount);
        _dropped.Add(1);
    }

    public void RecordSinkFault(string sink) => _sinkFaults.Add(1, new KeyValuePair<string, object?>("sink", sink));

    private static Rgb24 Unpack(int packed) => new((byte)(packed >> 16), (byte)(packed >> 8), (byte)packed);

    public void RecordStage(string stage, long startedAt) =>
        _stage.Record(Stopwatch.GetElapsedTime(startedAt).TotalMilliseconds, new KeyValuePair<string, object?>("stage", stage));
}
