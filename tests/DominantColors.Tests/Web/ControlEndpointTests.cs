using System.Net;
using System.Text.Json;
using DominantColors.Smoothing;

namespace DominantColors.Tests.Web;

public sealed class ControlEndpointTests
{
    [Fact]
    public async Task PostControls_ValidBodies_ChangeSettingsAndAnswerThem()
    {
        await using var web = await TestWebServer.StartAsync(TimeProvider.System);

        using var ambient = await TokenTests.PostAsync(web, "api/ambient", """{"on": false}""", bearer: null);
        using var brightness = await TokenTests.PostAsync(web, "api/brightness", """{"value": 0.3}""", bearer: null);
        using var smoothing = await TokenTests.PostAsync(web, "api/smoothing", """{"intensity": "High"}""", bearer: null);
        using var answer = JsonDocument.Parse(await smoothing.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, ambient.StatusCode);
        Assert.Equal(HttpStatusCode.OK, brightness.StatusCode);
        Assert.Equal(HttpStatusCode.OK, smoothing.StatusCode);
        Assert.False(web.State.Settings.Enabled);
        Assert.Equal(0.3, web.State.Settings.Brightness);
        Assert.Equal(SmoothingPreset.High, web.State.Settings.Intensity);
        Assert.Equal("high", answer.RootElement.GetProperty("smoothing").GetString());
        Assert.Equal(0.3, answer.RootElement.GetProperty("brightness").GetDouble());
        Assert.False(answer.RootElement.GetProperty("ambient").GetBoolean());
    }

    [Theory]
    [InlineData("api/brightness", """{"value": 1.5}""", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("api/brightness", """{"value": "bright"}""", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("api/smoothing", """{"intensity": "extreme"}""", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("api/smoothing", """{"intensity": "3"}""", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("api/ambient", """{}""", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("api/ambient", """{"on": false""", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("api/ambient", """{"on": false}""", "text/plain", HttpStatusCode.UnsupportedMediaType)]
    public async Task PostControl_BadRequest_IsRefusedAndChangesNothing(string path, string body, string contentType, HttpStatusCode expected)
    {
        await using var web = await TestWebServer.StartAsync(TimeProvider.System);

        using var response = await TokenTests.PostAsync(web, path, body, bearer: null, contentType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(expected, response.StatusCode);
        Assert.False(string.IsNullOrEmpty(problem.RootElement.GetProperty("error").GetString()));
        Assert.Equal((true, 1.0, SmoothingPreset.Moderate), (web.State.Settings.Enabled, web.State.Settings.Brightness, web.State.Settings.Intensity));
    }

    [Fact]
    public async Task PostControl_FromForeignOrigin_IsForbidden()
    {
        await using var web = await TestWebServer.StartAsync(TimeProvider.System);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("api/ambient", UriKind.Relative))
        {
            Content = new StringContent("""{"on": false}""", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Origin", "http://evil.example");

        using var response = await web.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.True(web.State.Settings.Enabled);
    }
}
