using DominantColors.Configuration;
using DominantColors.Control;
using DominantColors.Hosting;
using DominantColors.LiveReload;
using DominantColors.Pipeline;
using DominantColors.Testing.Daemon;
using DominantColors.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DominantColors.Tests.Hosting;

public sealed class DaemonHostTests
{
    [Fact]
    public void Build_Demo_WiresThePipelineLiveConfigAndTheChecks()
    {
        using var host = DaemonHost.Build(ConfigFile.Choose(null, "/nonexistent/dominant-colors.yaml"), []);

        var config = host.Services.GetRequiredService<DaemonConfig>();
        Assert.Equal("pattern", config.Source.Type);
        Assert.Equal(["left", "center", "right"], config.Lights.Select(l => l.Name));
        Assert.Equal("console", Assert.Single(config.Outputs).Section.Type);
        var hosted = host.Services.GetServices<IHostedService>().ToList();
        Assert.Contains(host.Services.GetRequiredService<PipelineService>(), hosted);
        Assert.Contains(host.Services.GetRequiredService<LiveConfig>(), hosted);
        Assert.Same(host.Services.GetRequiredService<AmbientSettings>(), host.Services.GetRequiredService<AmbientSettings>());
    }

    [Fact]
    public void Choose_NoPathAndNoDefaultFile_IsTheDemo()
    {
        Assert.True(ConfigFile.Choose(null, "/nonexistent/dominant-colors.yaml").IsDemo);
    }

    [Fact]
    public async Task Run_PatternDemo_FirstColorsReachTheSinkAndShutdownRestores()
    {
        await using var daemon = DaemonHarness.Start("""
            source:
              type: pattern
            lights:
              - name: tv
            outputs:
              - type: test
                lights: [tv]
            """);
        await daemon.WaitStartedAsync();
        await daemon.StepAsync(TimeSpan.FromMilliseconds(40));
        var sink = daemon.Sinks.Recording();
        Assert.NotEmpty(sink.Received);

        await daemon.Host.StopAsync();
        Assert.True(sink.Restored);
    }

    [Fact]
    public async Task Start_WebPreviewOn_LogsTheHostLifetimeLinesAndTheAddressOnce()
    {
        await using var daemon = DaemonHarness.Start("""
            source:
              type: pattern
            lights:
              - name: tv
            outputs:
              - type: test
                lights: [tv]
            web:
              enabled: true
              address: 127.0.0.1
              port: 0
            """);
        await daemon.WaitStartedAsync();
        Assert.NotNull(daemon.Host.Services.GetRequiredService<WebPreviewService>().Address);

        var lifetime = daemon.Logs.Records.Where(r => r.Category == "Microsoft.Hosting.Lifetime").ToList();
        Assert.Single(lifetime, r => r.Message.StartsWith("Application started", StringComparison.Ordinal));
        Assert.Single(lifetime, r => r.Message.StartsWith("Hosting environment", StringComparison.Ordinal));
        Assert.DoesNotContain(lifetime, r => r.Message.StartsWith("Now listening on", StringComparison.Ordinal));
        Assert.Single(daemon.Logs.Records, r => r.Message.StartsWith("Web preview listening on", StringComparison.Ordinal));
    }
}
