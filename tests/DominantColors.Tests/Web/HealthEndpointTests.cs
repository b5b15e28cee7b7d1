using System.Net;
using System.Text.Json;
using DominantColors.Colors;
using DominantColors.Outputs;
using Microsoft.Extensions.Time.Testing;

namespace DominantColors.Tests.Web;

public sealed class HealthEndpointTests
{
    [Fact]
    public async Task GetHealthz_AsFramesAndOutputsComeAndGo_FollowsThem()
    {
        var time = new FakeTimeProvider();
        await using var web = await TestWebServer.StartAsync(time);
        var output = new SinkStatus();
        web.State.Outputs.Add("wled:tv", output);
        var frames = new SnapshotWriter(web.State.Preview);

        var beforeFrames = await GetAsync(web);
        frames.PublishSolid(new Rgb24(9, 9, 9), 1, time.GetTimestamp());
        var outputDown = await GetAsync(web);
        output.ReportConnected();
        var healthy = await GetAsync(web);
        output.ReportFault("connection refused");
        var outputLost = await GetAsync(web);
        output.ReportConnected();
        time.Advance(TimeSpan.FromSeconds(6));
        var framesStopped = await GetAsync(web);
        frames.PublishSolid(new Rgb24(9, 9, 9), 2, time.GetTimestamp());
        var framesBack = await GetAsync(web);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, beforeFrames.Status);
        Assert.Contains("no frame", beforeFrames.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, outputDown.Status);
        Assert.Contains("wled:tv", outputDown.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, healthy.Status);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, outputLost.Status);
        Assert.Contains("connection refused", outputLost.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, framesStopped.Status);
        Assert.Contains("no frame analysed for 6.0 s", framesStopped.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, framesBack.Status);
    }

    [Fact]
    public async Task GetHealthz_OutputWaitingForAnotherApplication_IsHealthyAndSaysWhy()
    {
        var time = new FakeTimeProvider();
        await using var web = await TestWebServer.StartAsync(time);
        var connected = new SinkStatus();
        var waiting = new SinkStatus();
        web.State.Outputs.Add("wled:tv", connected);
        web.State.Outputs.Add("hue:tv", waiting);
        new SnapshotWriter(web.State.Preview).PublishSolid(new Rgb24(9, 9, 9), 1, time.GetTimestamp());
        connected.ReportConnected();
        waiting.ReportConnected();

        waiting.ReportWaiting("entertainment area 'TV area' is in use by application 5c1e");
        var whileWaiting = await GetAsync(web);
        using var status = JsonDocument.Parse(await web.Client.GetStringAsync(new Uri("api/status", UriKind.Relative)));
        waiting.ReportFault("bridge 192.168.1.20 did not answer");
        var afterFault = await GetAsync(web);

        Assert.Equal(HttpStatusCode.OK, whileWaiting.Status);
        Assert.Contains("output hue:tv is waiting: entertainment area 'TV area' is in use by application 5c1e", whileWaiting.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, afterFault.Status);
        var hue = status.RootElement.GetProperty("outputs").EnumerateArray().Single(o => o.GetProperty("name").GetString() == "hue:tv");
        Assert.False(hue.GetProperty("connected").GetBoolean());
        Assert.Equal("entertainment area 'TV area' is in use by application 5c1e", hue.GetProperty("waiting").GetString());
        Assert.False(hue.TryGetProperty("lastError", out _));
    }

    private static async Task<(HttpStatusCode Status, string Body)> GetAsync(TestWebServer web)
    {
        using var response = await web.Client.GetAsync(new Uri("healthz", UriKind.Relative));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
