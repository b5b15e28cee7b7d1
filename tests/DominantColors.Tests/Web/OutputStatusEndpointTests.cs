using System.Net;
using System.Text.Json;
using DominantColors.Configuration;
using DominantColors.Hosting;
using DominantColors.Outputs;
using DominantColors.Testing.Daemon;
using DominantColors.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DominantColors.Tests.Web;

/// <summary>
/// The whole daemon with a working and a failing output: what each output reports about itself reaches
/// <c>/metrics</c>, <c>/api/status</c> and <c>/healthz</c>; and the runtime's own meter is in <c>/metrics</c> too.
/// </summary>
public sealed class OutputStatusEndpointTests
{
    private const string Config = """
        source:
          type: pattern
          fps: 30
        smoothing:
          intensity: none
        lights:
          - name: tv
        outputs:
          - type: test
            name: strip
            lights: [tv]
          - type: test
            name: gone
            mode: throw
            lights: [tv]
        web:
          address: 127.0.0.1
          port: 0
        """;

    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Endpoints_WorkingAndFailingOutput_ShowEachOutputsConnectionFaultsAndDeliveries()
    {
        var directory = Directory.CreateTempSubdirectory("dominant-colors-outputs-").FullName;
        var path = Path.Combine(directory, "config.yaml");
        await File.WriteAllTextAsync(path, Config);
        var sinks = new TestSinkFactory();
        using var host = DaemonHost.Build(new ConfigFile(path), [], services => services.AddSingleton<IColorSinkFactory>(sinks));
        await host.StartAsync();
        try
        {
            var thrower = sinks.Sinks.OfType<ThrowingColorSink>().Single();
            await thrower.Retried.WaitAsync(Guard);
            await sinks.Recording("strip").WaitForAsync(0, Guard);
            using var client = new HttpClient { BaseAddress = host.Services.GetRequiredService<WebPreviewService>().Address };

            var metrics = PrometheusTextParser.Parse(await client.GetStringAsync(new Uri("metrics", UriKind.Relative)));
            using var health = await client.GetAsync(new Uri("healthz", UriKind.Relative));
            var healthBody = await health.Content.ReadAsStringAsync();
            using var status = JsonDocument.Parse(await client.GetStringAsync(new Uri("api/status", UriKind.Relative)));

            Assert.Equal(1, Series(metrics, "dominant_colors_output_connected", "strip"));
            Assert.Equal(0, Series(metrics, "dominant_colors_output_connected", "gone"));
            Assert.Equal(0, Series(metrics, "dominant_colors_output_faults_total", "strip"));
            Assert.True(Series(metrics, "dominant_colors_output_faults_total", "gone") >= 1);
            Assert.Equal(0, Series(metrics, "dominant_colors_output_reconnects_total", "strip"));
            Assert.True(Series(metrics, "dominant_colors_output_sent_total", "strip") >= 1);
            Assert.Equal(0, Series(metrics, "dominant_colors_output_sent_total", "gone"));
            Assert.True(Assert.Single(metrics["dominant_colors_frames_rate"].Samples).Value > 0);
            Assert.True(Assert.Single(metrics["dotnet_process_memory_working_set_bytes"].Samples).Value > 0);
            Assert.True(Assert.Single(metrics["dotnet_gc_heap_total_allocated_bytes_total"].Samples).Value > 0);

            Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
            Assert.Contains("output gone is not connected: device gone", healthBody, StringComparison.Ordinal);

            var outputs = status.RootElement.GetProperty("outputs").EnumerateArray().ToDictionary(o => o.GetProperty("name").GetString()!);
            Assert.True(outputs["strip"].GetProperty("connected").GetBoolean());
            Assert.True(outputs["strip"].GetProperty("sent").GetInt64() >= 1);
            Assert.False(outputs["gone"].GetProperty("connected").GetBoolean());
            Assert.Equal("device gone", outputs["gone"].GetProperty("lastError").GetString());
            Assert.True(outputs["gone"].GetProperty("errors").GetInt64() >= 1);
        }
        finally
        {
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            await host.StopAsync(stop.Token);
            Directory.Delete(directory, recursive: true);
        }
    }

    private static double Series(Dictionary<string, PrometheusTextParser.Family> metrics, string family, string output) =>
        metrics[family].Samples.Single(s => s.Labels.GetValueOrDefault("output") == output).Value;
}
