using System.Diagnostics;
using System.Diagnostics.Metrics;
using DominantColors.Colors;

namespace DominantColors.Pipeline;

/// <summary>
/// The pipeline's meters (<c>DominantColors.Pipeline</c>): frames, frames per second, dropped frames, per-stage time
/// and frame-to-feed latency. Read by <c>/metrics</c> and by any other listener such as <c>dotnet-counters</c>.
/// </summary>
internal sealed class PipelineMetrics
{
    public const string MeterName = "DominantColors.Pipeline";
    public const string ExtractStage = "extract";
    public const string LightsStage = "lights";
    public const string PublishStage = "publish";

    private readonly Counter<long> _frames;
    private readonly Counter<long> _dropped;
    private readonly Histogram<double> _stage;
    private readonly Histogram<double> _latency;
    private readonly TimeProvider _time;
    private long _frameCount;
    private long _droppedCount;
    private long _lastFrameAt;
    private double _frameInterval;
    private int _firstLight;
    private int _pictureDominant;

    public PipelineMetrics(IMeterFactory meterFactory, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _time = timeProvider;
        _frames = meter.CreateCounter<long>("dominant_colors.frames", "{frame}", "Frames analysed");
        _dropped = meter.CreateCounter<long>("dominant_colors.frames.dropped", "{frame}", "Frames dropped because analysis was busy");
        meter.CreateObservableGauge("dominant_colors.frames.rate", ReadFramesPerSecond, "{frame}/s", "Frames analysed per second, recent");
        _stage = meter.CreateHistogram<double>("dominant_colors.stage.duration", "ms", "Time spent per pipeline stage and frame");
        _latency = meter.CreateHistogram<double>("dominant_colors.frame.latency", "ms", "From the source reading a frame to its colors reaching the sink feeds");
    }

    /// <summary>Frames analysed so far (also for the watchdog and tests).</summary>
    public long Frames => Interlocked.Read(ref _frameCount);

    public long Dropped => Interlocked.Read(ref _droppedCount);

    /// <summary>Frames analysed per second lately; falls towards 0 as soon as frames stop coming.</summary>
    public double FramesPerSecond
    {
        get
        {
            var last = Volatile.Read(ref _lastFrameAt);
            var interval = Math.Max(Volatile.Read(ref _frameInterval), last == 0 ? 0 : _time.GetTimestamp() - last);
            return interval > 0 ? _time.TimestampFrequency / interval : 0;
        }
    }

    /// <summary>Called by the analysis loop once per frame; allocates nothing.</summary>
    public void RecordFrame(long frameTimestamp, long now)
    {
        // The interval between frames as a moving average over about ten frames; only this loop writes it.
        var last = _lastFrameAt;
        if (last != 0 && now > last)
        {
            var interval = _frameInterval;
            Volatile.Write(ref _frameInterval, interval == 0 ? now - last : interval + ((now - last - interval) * 0.1));
        }

        Volatile.Write(ref _lastFrameAt, now);
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

    private double ReadFramesPerSecond() => FramesPerSecond;

    private static Rgb24 Unpack(int packed) => new((byte)(packed >> 16), (byte)(packed >> 8), (byte)packed);

    public void RecordStage(string stage, long startedAt) =>
        _stage.Record(Stopwatch.GetElapsedTime(startedAt).TotalMilliseconds, new KeyValuePair<string, object?>("stage", stage));
}
