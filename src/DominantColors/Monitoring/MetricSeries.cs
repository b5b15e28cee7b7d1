namespace DominantColors.Monitoring;

/// <summary>
/// One tag combination of one instrument: its value (a sum for counters, the latest for gauges) or its histogram,
/// plus the per-second rate and recent mean that <see cref="MetricFamily.Sample"/> derives for the status page.
/// Guarded by its family's lock.
/// </summary>
internal sealed class MetricSeries
{
    private readonly KeyValuePair<string, string>[] _tags;

    public MetricSeries(ReadOnlySpan<KeyValuePair<string, object?>> tags, int bucketCount)
    {
        _tags = new KeyValuePair<string, string>[tags.Length];
        for (var i = 0; i < tags.Length; i++)
        {
            _tags[i] = new(tags[i].Key, Convert.ToString(tags[i].Value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty);
        }

        BucketCounts = new long[bucketCount];
    }

    public IReadOnlyList<KeyValuePair<string, string>> Tags => _tags;

    /// <summary>Counter sum or latest gauge value; for histograms the sum of all observations.</summary>
    public double Value { get; set; }

    /// <summary>Histogram observations per bucket (not cumulative); empty for other kinds.</summary>
    public long[] BucketCounts { get; }

    /// <summary>Histogram observations in all.</summary>
    public long Count { get; set; }

    /// <summary>The last histogram observation.</summary>
    public double Last { get; set; } = double.NaN;

    /// <summary>Per second over the last sampling interval: counter increase, or histogram observations.</summary>
    public double Rate { get; set; } = double.NaN;

    /// <summary>Histogram mean over the last sampling interval (NaN when nothing was observed in it).</summary>
    public double RecentMean { get; set; } = double.NaN;

    public double SampledValue { get; set; }

    public long SampledCount { get; set; }

    public long SampledAt { get; set; }

    /// <summary>Whether the measurement's tags are this series' tags (in any order). Allocates nothing.</summary>
    public bool HasTags(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (tags.Length != _tags.Length)
        {
            return false;
        }

        for (var i = 0; i < tags.Length; i++)
        {
            var found = false;
            for (var j = 0; j < _tags.Length; j++)
            {
                if (string.Equals(_tags[j].Key, tags[i].Key, StringComparison.Ordinal))
                {
                    found = TagValueEquals(_tags[j].Value, tags[i].Value);
                    break;
                }
            }

            if (!found)
            {
                return false;
            }
        }

        return true;
    }

    private static bool TagValueEquals(string stored, object? value) => value switch
    {
        null => stored.Length == 0,
        string s => string.Equals(stored, s, StringComparison.Ordinal),
        _ => string.Equals(stored, Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal),
    };
}
