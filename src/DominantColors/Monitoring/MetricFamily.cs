using System.Diagnostics.Metrics;

namespace DominantColors.Monitoring;

/// <summary>
/// Everything measured by one instrument, one <see cref="MetricSeries"/> per tag combination. Recording into an
/// existing series allocates nothing (string tag values); a new tag combination allocates its series once.
/// </summary>
internal sealed class MetricFamily
{
    private static readonly double[] SecondsBuckets = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];
    private static readonly double[] DefaultBuckets = [0, 5, 10, 25, 50, 75, 100, 250, 500, 750, 1000, 2500, 5000, 7500, 10000];

    private readonly Lock _gate = new();
    private readonly List<MetricSeries> _series = [];
    private readonly double[] _bounds;

    public MetricFamily(Instrument instrument)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        Instrument = instrument;
        Kind = KindOf(instrument);
        _bounds = Kind == MetricKind.Histogram ? BoundsOf(instrument) : [];
    }

    public Instrument Instrument { get; }

    public MetricKind Kind { get; }

    /// <summary>Upper bounds of the histogram buckets, ascending; the +Inf bucket is implied.</summary>
    public IReadOnlyList<double> Bounds => _bounds;

    public void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        lock (_gate)
        {
            var series = Find(tags);
            switch (Kind)
            {
                case MetricKind.Counter:
                case MetricKind.UpDownCounter:
                    series.Value += value;
                    break;
                case MetricKind.ObservedCounter:
                case MetricKind.Gauge:
                    series.Value = value;
                    break;
                case MetricKind.Histogram:
                    series.Value += value;
                    series.Count++;
                    series.Last = value;
                    series.BucketCounts[BucketOf(value)]++;
                    break;
            }
        }
    }

    /// <summary>Derives rates and recent means over the time since the previous sample.</summary>
    public void Sample(long timestamp, long timestampFrequency)
    {
        lock (_gate)
        {
            foreach (var series in _series)
            {
                if (series.SampledAt != 0 && timestamp > series.SampledAt)
                {
                    var seconds = (double)(timestamp - series.SampledAt) / timestampFrequency;
                    var counted = series.Count - series.SampledCount;
                    series.Rate = Kind == MetricKind.Histogram ? counted / seconds : (series.Value - series.SampledValue) / seconds;
                    series.RecentMean = counted > 0 ? (series.Value - series.SampledValue) / counted : double.NaN;
                }

                series.SampledAt = timestamp;
                series.SampledValue = series.Value;
                series.SampledCount = series.Count;
            }
        }
    }

    /// <summary>Runs <paramref name="read"/> over every series while no measurement can change them.</summary>
    public void Read<TState>(TState state, Action<TState, MetricFamily, IReadOnlyList<MetricSeries>> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        lock (_gate)
        {
            read(state, this, _series);
        }
    }

    private MetricSeries Find(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        foreach (var series in _series)
        {
            if (series.HasTags(tags))
            {
                return series;
            }
        }

        var added = new MetricSeries(tags, Kind == MetricKind.Histogram ? _bounds.Length + 1 : 0);
        _series.Add(added);
        return added;
    }

    private int BucketOf(double value)
    {
        for (var i = 0; i < _bounds.Length; i++)
        {
            if (value <= _bounds[i])
            {
                return i;
            }
        }

        return _bounds.Length;
    }

    private static MetricKind KindOf(Instrument instrument)
    {
        var name = instrument.GetType().Name;
        return name switch
        {
            _ when name.StartsWith("ObservableCounter", StringComparison.Ordinal) => MetricKind.ObservedCounter,
            _ when name.StartsWith("ObservableUpDownCounter", StringComparison.Ordinal) => MetricKind.Gauge,
            _ when name.StartsWith("ObservableGauge", StringComparison.Ordinal) => MetricKind.Gauge,
            _ when name.StartsWith("UpDownCounter", StringComparison.Ordinal) => MetricKind.UpDownCounter,
            _ when name.StartsWith("Counter", StringComparison.Ordinal) => MetricKind.Counter,
            _ when name.StartsWith("Histogram", StringComparison.Ordinal) => MetricKind.Histogram,
            _ => MetricKind.Gauge,
        };
    }

    private static double[] BoundsOf(Instrument instrument)
    {
        var advised = instrument switch
        {
            Histogram<double> h => h.Advice?.HistogramBucketBoundaries?.ToArray(),
            Histogram<float> h => h.Advice?.HistogramBucketBoundaries?.Select(b => (double)b).ToArray(),
            Histogram<long> h => h.Advice?.HistogramBucketBoundaries?.Select(b => (double)b).ToArray(),
            Histogram<int> h => h.Advice?.HistogramBucketBoundaries?.Select(b => (double)b).ToArray(),
            _ => null,
        };
        if (advised is { Length: > 0 })
        {
            Array.Sort(advised);
            return advised;
        }

        return instrument.Unit switch
        {
            "s" => SecondsBuckets,
            "ms" => SecondsBuckets.Select(b => b * 1000).ToArray(),
            "us" => SecondsBuckets.Select(b => b * 1_000_000).ToArray(),
            _ => DefaultBuckets,
        };
    }
}
