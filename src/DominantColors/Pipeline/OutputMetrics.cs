using System.Diagnostics.Metrics;

namespace DominantColors.Pipeline;

/// <summary>
/// The outputs' meters (<c>DominantColors.Outputs</c>), one series per output (tag <c>output</c>): whether it is
/// connected, its faults, reconnects and delivered updates. Observable instruments read the sinks' own
/// <see cref="Outputs.SinkStatus"/> when a listener asks (<c>/metrics</c>, <c>dotnet-counters</c>), so the sinks pay
/// nothing per frame beyond their interlocked counts, and every output shows from its start, at zero.
/// </summary>
internal static class OutputMetrics
{
    public const string MeterName = "DominantColors.Outputs";
    public const string OutputTag = "output";
    public const string Connected = "dominant_colors.output.connected";
    public const string Faults = "dominant_colors.output.faults";
    public const string Reconnects = "dominant_colors.output.reconnects";
    public const string Sent = "dominant_colors.output.sent";

    /// <summary>Creates the output meters over <paramref name="outputs"/> (the meter factory owns them) and returns <paramref name="outputs"/>.</summary>
    public static OutputStates Observe(OutputStates outputs, IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        ArgumentNullException.ThrowIfNull(outputs);
        var meter = meterFactory.Create(MeterName);
        meter.CreateObservableGauge(Connected, () => Observe(outputs, static s => s.Connected ? 1 : 0), "{output}", "1 while the output reaches its device, bridge or broker, else 0");
        meter.CreateObservableCounter(Faults, () => Observe(outputs, static s => s.Faults), "{fault}", "Output faults: failed connects, lost connections, refused or failed sends");
        meter.CreateObservableCounter(Reconnects, () => Observe(outputs, static s => s.Reconnects), "{reconnect}", "Connections an output made again after losing one");
        meter.CreateObservableCounter(Sent, () => Observe(outputs, static s => s.Sent), "{update}", "Color updates delivered by the output");
        return outputs;
    }

    // Runs when a listener collects (a scrape or a dotnet-counters interval), never per frame.
    private static Measurement<long>[] Observe(OutputStates outputs, Func<Outputs.SinkStatus, long> read)
    {
        var all = outputs.All;
        var measurements = new Measurement<long>[all.Count];
        for (var i = 0; i < all.Count; i++)
        {
            measurements[i] = new Measurement<long>(read(all[i].Status), new KeyValuePair<string, object?>(OutputTag, all[i].Name));
        }

        return measurements;
    }
}
