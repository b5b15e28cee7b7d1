using System.Net;
using System.Net.Http.Headers;
using System.Text;
using DominantColors.Configuration;
using DominantColors.Web;
using Microsoft.Extensions.Configuration;

namespace DominantColors.Tests.Web;

public sealed class TokenTests
{
    private const string Token = "0123456789abcdef0123";

    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("::")]
    [InlineData("192.168.1.20")]
    public void Validate_BeyondLoopbackWithoutToken_FailsNamingWebToken(string address)
    {
        var errors = Check(("address", address));

        var error = Assert.Single(errors.Errors);
        Assert.Equal("web.token", error.Path);
        Assert.StartsWith($"required because web.address {address} is not a loopback address", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("127.0.0.1", null)]
    [InlineData("::1", null)]
    [InlineData("0.0.0.0", Token)]
    public void Validate_LoopbackOrTokenGiven_Succeeds(string address, string? token)
    {
        var errors = token is null ? Check(("address", address)) : Check(("address", address), ("token", token));

        Assert.False(errors.HasErrors, errors.ToString());
    }

    [Fact]
    public void Validate_ShortTokenOrBadAddress_NamesEachKey()
    {
        var errors = Check(("address", "tv.local"), ("token", "short"));

        Assert.Equal(["web.address", "web.token"], errors.Errors.Select(e => e.Path));
    }

    [Theory]
    [InlineData(Token, true)]
    [InlineData(Token + "x", false)]
    [InlineData("0123456789abcdef012", false)]
    [InlineData("", false)]
    public void Matches_Candidate_OnlyTheExactToken(string candidate, bool expected)
    {
        Assert.Equal(expected, new AccessToken(Token).Matches(candidate));
    }

    [Fact]
    public async Task Requests_WithTokenSet_NeedItExceptHealthAndAssets()
    {
        await using var web = await TestWebServer.StartAsync(TimeProvider.System, Token);

        Assert.Equal(HttpStatusCode.Unauthorized, await StatusOfAsync(web, "api/status"));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusOfAsync(web, "api/status", bearer: "wrong-token-wrong-token"));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusOfAsync(web, "api/events"));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusOfAsync(web, "metrics"));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusOfAsync(web, "/"));
        Assert.Equal(HttpStatusCode.OK, await StatusOfAsync(web, "api/status", bearer: Token));
        Assert.Equal(HttpStatusCode.OK, await StatusOfAsync(web, "api/status?token=" + Token));
        Assert.Equal(HttpStatusCode.OK, await StatusOfAsync(web, "metrics", bearer: Token));
        Assert.Equal(HttpStatusCode.OK, await StatusOfAsync(web, "/?token=" + Token));
        Assert.Equal(HttpStatusCode.OK, await StatusOfAsync(web, "app.js"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await StatusOfAsync(web, "healthz"));
    }

    [Fact]
    public async Task PostControl_WithoutToken_IsRefusedAndChangesNothing()
    {
        await using var web = await TestWebServer.StartAsync(TimeProvider.System, Token);

        using var refused = await PostAsync(web, "api/ambient", """{"on": false}""", bearer: null);
        using var wrong = await PostAsync(web, "api/brightness", """{"value": 0.1}""", bearer: "not-the-token-at-all");
        var unchanged = (web.State.Settings.Enabled, web.State.Settings.Brightness);
        using var accepted = await PostAsync(web, "api/ambient", """{"on": false}""", bearer: Token);

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal((true, 1.0), unchanged);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.False(web.State.Settings.Enabled);
    }

    [Theory]
    [InlineData("api/ambient", """{"on": false}""")]
    [InlineData("api/brightness", """{"value": 0.1}""")]
    [InlineData("api/smoothing", """{"intensity": "intense"}""")]
    public async Task PostControl_MissingOrWrongToken_RefusedWithTheReasonAndNothingChanges(string path, string body)
    {
        await using var web = await TestWebServer.StartAsync(TimeProvider.System, Token);
        var before = web.State.Settings.Version;

        using var none = await PostAsync(web, path, body, bearer: null);
        using var wrong = await PostAsync(web, path, body, bearer: Token + "0");
        using var wrongQuery = await PostAsync(web, path + "?token=" + Token[..^1], body, bearer: null);
        using var empty = await PostAsync(web, path + "?token=", body, bearer: null);

        foreach (var response in new[] { none, wrong, wrongQuery, empty })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Contains("missing or wrong token", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal("Bearer realm=\"dominant-colors\"", response.Headers.WwwAuthenticate.ToString());
        }

        Assert.Equal(before, web.State.Settings.Version);
        Assert.Equal((true, 1.0), (web.State.Settings.Enabled, web.State.Settings.Brightness));
    }

    internal static async Task<HttpResponseMessage> PostAsync(TestWebServer web, string path, string json, string? bearer, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative))
        {
            Content = new StringContent(json, Encoding.UTF8, contentType),
        };
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return await web.Client.SendAsync(request);
    }

    private static async Task<HttpStatusCode> StatusOfAsync(TestWebServer web, string path, string? bearer = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        using var response = await web.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        return response.StatusCode;
    }

    /// <summary>Binds a <c>web:</c> section of <paramref name="keys"/> as the config does.</summary>
    private static ConfigErrors Check(params (string Key, string Value)[] keys)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(keys.Select(k => KeyValuePair.Create("web:" + k.Key, (string?)k.Value)))
            .Build();
        var errors = new ConfigErrors();
        SectionBinder.Bind<WebOptions>(configuration.GetSection("web"), errors);
        return errors;
    }
}
