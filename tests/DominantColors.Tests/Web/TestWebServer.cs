using DominantColors.Control;
using DominantColors.Monitoring;
using DominantColors.Pipeline;
using DominantColors.Web;
using DominantColors.Web.Preview;
using Microsoft.Extensions.Logging.Abstractions;

namespace DominantColors.Tests.Web;

/// <summary>A real <see cref="WebServer"/> on 127.0.0.1, port 0, with its shared objects and a client pointed at it.</summary>
internal sealed class TestWebServer : IAsyncDisposable
{
    private TestWebServer(WebServer server, WebState state, HttpClient client)
    {
        Server = server;
        State = state;
        Client = client;
    }

    public WebServer Server { get; }

    public WebState State { get; }

    public HttpClient Client { get; }

    public Uri Address => Server.Address!;

    public static async Task<TestWebServer> StartAsync(TimeProvider time, string? token = null, string meterPrefix = MetricsCollector.DaemonMeterPrefix)
    {
        var preview = new PreviewExchange(time);
        var outputs = new OutputStates();
        var state = new WebState
        {
            Preview = preview,
            Settings = new AmbientSettings(),
            Outputs = outputs,
            Metrics = new MetricsCollector(time, meterPrefix),
            Health = new HealthCheck(preview, outputs, time),
            Token = new AccessToken(token),
            Time = time,
            StartedAt = time.GetTimestamp(),
        };
        var options = new WebOptions { Address = "127.0.0.1", Port = 0, Token = token };
        var server = new WebServer(options, state, NullLoggerFactory.Instance);
        await server.StartAsync(CancellationToken.None);
        var client = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(30) };
        return new TestWebServer(server, state, client);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
        State.Metrics.Dispose();
    }
}
