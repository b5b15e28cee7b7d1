using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace DominantColors.Monitoring;

/// <summary>
/// Listens to the daemon's <see cref="System.Diagnostics.Metrics"/> meters (those whose name starts with the given
/// prefix) and keeps their current values for <c>/metrics</c> and the status page. The meters stay the source of
/// truth, so <c>dotnet-counters</c> and any other listener see the same numbers.
/// </summary>
internal sealed class MetricsCollector : IDisposable
{
    /// <summary>The prefix of every meter the daemon creates.</summary>
    public const string DaemonMeterPrefix = "DominantColors";

    /// <summary>
    /// The runtime's own meter (GC heap and pauses, working set, CPU time, JIT, thread pool, exceptions), collected
    /// beside the daemon's: what an operator watching a months-long run for leaks reads first.
    /// </summary>
    public const string RuntimeMeterName = "System.Runtime";

    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<Instrument, MetricFamily> _families = new();
    private readonly string _meterPrefix;
    private readonly IMeterFactory? _meterFactory;
    private readonly TimeProvider _time;
    private readonly Lock _sampleGate = new();
    private long _sampledAt;

    /// <param name="time">The clock rates are derived on.</param>
    /// <param name="meterPrefix">Only meters whose name starts with it are collected.</param>
    /// <param name="meterFactory">
    /// When given, only meters this factory created (its <see cref="Meter.Scope"/>): listeners see every meter in the
    /// process, so without it two daemon hosts in one process (tests) would mix their numbers. The daemon passes its
    /// factory, and then the runtime's <see cref="RuntimeMeterName"/> meter is collected too.
    /// </param>
    public MetricsCollector(TimeProvider time, string meterPrefix = DaemonMeterPrefix, IMeterFactory? meterFactory = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentException.ThrowIfNullOrEmpty(meterPrefix);
        _time = time;
        _meterPrefix = meterPrefix;
        _meterFactory = meterFactory;
        _listener.InstrumentPublished = OnInstrumentPublished;
        _listener.MeasurementsCompleted = (instrument, _) => _families.TryRemove(instrument, out MetricFamily? _);
        _listener.SetMeasurementEventCallback<double>(static (_, value, tags, state) => ((MetricFamily)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<float>(static (_, value, tags, state) => ((MetricFamily)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<long>(static (_, value, tags, state) => ((MetricFamily)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<int>(static (_, value, tags, state) => ((MetricFamily)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<short>(static (_, value, tags, state) => ((MetricFamily)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<byte>(static (_, value, tags, state) => ((MetricFamily)state!).Record(value, tags));
        _listener.Start();
    }

    /// <summary>Every instrument seen so far, ordered by meter and instrument name (stable output).</summary>
    public IReadOnlyList<MetricFamily> Families
    {
        get
        {
            var families = _families.Values.ToList();
            families.Sort(static (a, b) =>
            {
                var byMeter = string.CompareOrdinal(a.Instrument.Meter.Name, b.Instrument.Meter.Name);
                return byMeter != 0 ? byMeter : string.CompareOrdinal(a.Instrument.Name, b.Instrument.Name);
            });
            return families;
        }
    }

    /// <summary>Asks observable instruments for their current values, then derives rates since the last sample.</summary>
    public void Sample()
    {
        _listener.RecordObservableInstruments();
        var now = _time.GetTimestamp();
        foreach (var family in _families.Values)
        {
            family.Sample(now, _time.TimestampFrequency);
        }
    }

    /// <summary>
    /// Samples (<see cref="Sample"/>) when at least <paramref name="interval"/> has passed since the last time: rates are
    /// derived when someone reads them, so a daemon nobody watches runs no sampling timer (and no observable instrument,
    /// some of which read /proc). While the page is open its events look every 100 ms, so its rates cover the last
    /// <paramref name="interval"/>; a single look gets them over the time since the look before.
    /// </summary>
    public void SampleIfDue(TimeSpan interval)
    {
        lock (_sampleGate)
        {
            var now = _time.GetTimestamp();
            if (_sampledAt != 0 && _time.GetElapsedTime(_sampledAt, now) < interval)
            {
                return;
            }

            _sampledAt = now;
        }

        Sample();
    }

    /// <summary>Asks observable instruments for their current values (before an export).</summary>
    public void Observe() => _listener.RecordObservableInstruments();

    /// <summary>The family of the instrument with this name, if one was published.</summary>
    public MetricFamily? Find(string instrumentName)
    {
        foreach (var family in _families.Values)
        {
            if (string.Equals(family.Instrument.Name, instrumentName, StringComparison.Ordinal))
            {
                return family;
            }
        }

        return null;
    }

    public void Dispose() => _listener.Dispose();

    private void OnInstrumentPublished(Instrument instrument, MeterListener listener)
    {
        var ours = instrument.Meter.Name.StartsWith(_meterPrefix, StringComparison.Ordinal)
            && (_meterFactory is null || ReferenceEquals(instrument.Meter.Scope, _meterFactory));
        if (ours || (_meterFactory is not null && instrument.Meter.Name == RuntimeMeterName))
        {
            var family = _families.GetOrAdd(instrument, static i => new MetricFamily(i));
            listener.EnableMeasurementEvents(instrument, family);
        }
    }
}
