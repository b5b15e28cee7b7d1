namespace DominantColors.Monitoring;

/// <summary>How an instrument's measurements combine into one value per series.</summary>
internal enum MetricKind
{
    /// <summary>Increments that add up (<c>Counter</c>); exported as a Prometheus counter.</summary>
    Counter,

    /// <summary>Running totals reported whole (<c>ObservableCounter</c>); exported as a counter.</summary>
    ObservedCounter,

    /// <summary>Increments that may be negative (<c>UpDownCounter</c>); exported as a gauge.</summary>
    UpDownCounter,

    /// <summary>The latest value wins (<c>Gauge</c>, <c>ObservableGauge</c>, <c>ObservableUpDownCounter</c>).</summary>
    Gauge,

    /// <summary>A distribution in buckets (<c>Histogram</c>).</summary>
    Histogram,
}
