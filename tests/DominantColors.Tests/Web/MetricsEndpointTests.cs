using System.Diagnostics.Metrics;
using DominantColors.Monitoring;

namespace DominantColors.Tests.Web;

public sealed class MetricsEndpointTests
{
    [Fact]
    public async Task GetMetrics_DaemonInstruments_ExportsParseablePrometheusText()
    {
        var prefix = "DominantColors.Tests." + Guid.NewGuid().ToString("N");
        await using var web = await TestWebServer.StartAsync(TimeProvider.System, meterPrefix: prefix);
        using var meter = new Meter(prefix + ".Pipeline");
        using var unrelated = new Meter("Other.Library");
        var frames = meter.CreateCounter<long>(DaemonMetricNames.Frames, unit: "{frame}", description: "Frames analysed.");
        var stage = meter.CreateHistogram<double>("dominant_colors.test.duration", unit: "s", description: "Time per stage.");
        var errors = meter.CreateCounter<long>("dominant_colors.sink.faults", description: "Output errors.");
        var queued = 3;
        meter.CreateObservableGauge("dominantcolors.fps", () => 29.5, unit: "{frame}/s", description: "Frames per second.");
        meter.CreateObservableUpDownCounter("dominantcolors.outputs.connected", () => queued);
        unrelated.CreateCounter<long>("other.requests").Add(5);
        frames.Add(40);
        frames.Add(2);
        stage.Record(0.0002, new KeyValuePair<string, object?>("stage", "analysis"));
        stage.Record(0.0030, new KeyValuePair<string, object?>("stage", "analysis"));
        stage.Record(3.0, new KeyValuePair<string, object?>("stage", "analysis"));
        stage.Record(0.0004, new KeyValuePair<string, object?>("stage", "smoothing"));
        errors.Add(1, new KeyValuePair<string, object?>("sink", "hue \"living\" room"));

        using var response = await web.Client.GetAsync(new Uri("metrics", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        var families = PrometheusTextParser.Parse(text);

        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("0.0.4", response.Content.Headers.ContentType?.Parameters.Single(p => p.Name == "version").Value);
        Assert.DoesNotContain("other_requests", text, StringComparison.Ordinal);
        var frameFamily = families["dominant_colors_frames_total"];
        Assert.Equal("counter", frameFamily.Type);
        Assert.Equal("Frames analysed.", frameFamily.Help);
        Assert.Equal(42, Assert.Single(frameFamily.Samples).Value);
        Assert.Equal(29.5, Assert.Single(families["dominantcolors_fps"].Samples).Value);
        Assert.Equal(3, Assert.Single(families["dominantcolors_outputs_connected"].Samples).Value);
        var error = Assert.Single(families["dominant_colors_sink_faults_total"].Samples);
        Assert.Equal("hue \"living\" room", error.Labels["sink"]);

        var histogram = families["dominant_colors_test_duration_seconds"];
        Assert.Equal("histogram", histogram.Type);
        var analysis = histogram.Samples.Where(s => s.Labels.GetValueOrDefault("stage") == "analysis").ToList();
        var buckets = analysis.Where(s => s.Name.EndsWith("_bucket", StringComparison.Ordinal)).ToList();
        Assert.Equal(buckets.Select(b => b.Value).Order(), buckets.Select(b => b.Value));
        Assert.Equal(double.PositiveInfinity, double.Parse(buckets[^1].Labels["le"].Replace("+Inf", "Infinity", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(1, buckets.Single(b => b.Labels["le"] == "0.00025").Value);
        Assert.Equal(2, buckets.Single(b => b.Labels["le"] == "0.005").Value);
        Assert.Equal(2, buckets.Single(b => b.Labels["le"] == "2.5").Value);
        Assert.Equal(3, buckets[^1].Value);
        Assert.Equal(3, analysis.Single(s => s.Name.EndsWith("_count", StringComparison.Ordinal)).Value);
        Assert.Equal(3.0032, analysis.Single(s => s.Name.EndsWith("_sum", StringComparison.Ordinal)).Value, 9);
        Assert.Contains(histogram.Samples, s => s.Labels.GetValueOrDefault("stage") == "smoothing");
    }
}
