using System.Net;
using System.Text.Json;
using DominantColors.Colors;
using DominantColors.Outputs;
using Microsoft.Extensions.Time.Testing;

namespace DominantColors.Tests.Web;

public sealed class StatusEndpointTests
{
    [Fact]
    public async Task GetStatus_AfterSnapshot_ReturnsDocumentedShape()
    {
        var time = new FakeTimeProvider();
        await using var web = await TestWebServer.StartAsync(time);
        var console = new SinkStatus();
        console.ReportConnected();
        web.State.Outputs.Add("console", console);
        new SnapshotWriter(web.State.Preview).PublishSolid(new Rgb24(200, 30, 10), sequence: 7, time.GetTimestamp());

        using var response = await web.Client.GetAsync(new Uri("api/status", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        Assert.True(root.GetProperty("healthy").GetBoolean());
        Assert.Equal("ok", root.GetProperty("health").GetString());
        Assert.True(root.GetProperty("uptimeSeconds").GetDouble() >= 0);
        var settings = root.GetProperty("settings");
        Assert.True(settings.GetProperty("ambient").GetBoolean());
        Assert.Equal(1.0, settings.GetProperty("brightness").GetDouble());
        Assert.Equal("moderate", settings.GetProperty("smoothing").GetString());
        Assert.Equal(5, settings.GetProperty("smoothingChoices").GetArrayLength());
        Assert.Equal(7, root.GetProperty("source").GetProperty("sequence").GetInt64());
        Assert.Equal(0.125f, root.GetProperty("crop").GetProperty("y").GetSingle());
        var zone = root.GetProperty("zones")[0];
        Assert.Equal("left", zone.GetProperty("name").GetString());
        Assert.Equal(0.5f, zone.GetProperty("area").GetProperty("width").GetSingle());
        Assert.Equal("#c81e0a", zone.GetProperty("palette")[0].GetProperty("color").GetString());
        Assert.Equal(0.75f, zone.GetProperty("palette")[0].GetProperty("weight").GetSingle());
        var light = root.GetProperty("lights")[0];
        Assert.Equal("tv", light.GetProperty("name").GetString());
        Assert.Equal("#c81e0a", light.GetProperty("color").GetString());
        var output = root.GetProperty("outputs")[0];
        Assert.Equal("console", output.GetProperty("name").GetString());
        Assert.True(output.GetProperty("connected").GetBoolean());
        Assert.False(root.TryGetProperty("frame", out _));
    }

    [Fact]
    public async Task GetStatus_WithFrameQuery_IncludesThumbnailPixels()
    {
        var time = new FakeTimeProvider();
        await using var web = await TestWebServer.StartAsync(time);
        new SnapshotWriter(web.State.Preview).PublishSolid(new Rgb24(1, 2, 3), sequence: 1, time.GetTimestamp(), width: 320, height: 180);

        var body = await web.Client.GetStringAsync(new Uri("api/status?frame", UriKind.Relative));

        using var json = JsonDocument.Parse(body);
        var frame = json.RootElement.GetProperty("frame");
        Assert.Equal(160, frame.GetProperty("width").GetInt32());
        Assert.Equal(90, frame.GetProperty("height").GetInt32());
        var rgb = Convert.FromBase64String(frame.GetProperty("rgb").GetString()!);
        Assert.Equal(160 * 90 * 3, rgb.Length);
        Assert.Equal([1, 2, 3], rgb[^3..]);
    }

    [Fact]
    public async Task GetPage_Always_ServesEmbeddedPageWithStrictPolicy()
    {
        await using var web = await TestWebServer.StartAsync(TimeProvider.System);

        using var page = await web.Client.GetAsync(new Uri("/", UriKind.Relative));
        var html = await page.Content.ReadAsStringAsync();
        var script = await web.Client.GetStringAsync(new Uri("app.js", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<script src=\"app.js\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
        Assert.Contains("EventSource", script, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }
}
