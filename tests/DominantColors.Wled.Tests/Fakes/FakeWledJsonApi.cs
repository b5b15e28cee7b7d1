using System.Net;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using DominantColors.Testing;

namespace DominantColors.Wled.Tests.Fakes;

/// <summary>
/// WLED's <c>/json/state</c> on loopback: serves a fixed state and records every request in order. Given the
/// controller's <see cref="WledRealtime"/>, a posted <c>"live"</c> acts on it as wled00/json.cpp does.
/// </summary>
internal sealed class FakeWledJsonApi : IAsyncDisposable
{
    public const string State = """{"on":true,"bri":128,"transition":7,"ps":-1,"seg":[{"id":0,"start":0,"stop":30,"col":[[255,160,0]],"fx":0}]}""";

    private readonly HttpListener _listener = new();
    private readonly Channel<string> _requests = Channel.CreateUnbounded<string>();
    private readonly Task _serving;
    private readonly WledRealtime? _realtime;

    public FakeWledJsonApi(WledRealtime? realtime = null)
    {
        _realtime = realtime;
        Port = FreePort.Next();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _serving = ServeAsync();
    }

    public int Port { get; }

    /// <summary>The next request as <c>METHOD /path body</c>.</summary>
    public async Task<string> NextRequestAsync() =>
        await _requests.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        await _serving;
        _listener.Close();
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            if (context.Request.HttpMethod == "POST" && _realtime is not null)
            {
                using var state = JsonDocument.Parse(body);
                if (state.RootElement.TryGetProperty("live", out var live))
                {
                    _realtime.Live(live.GetBoolean());
                }
            }

            var reply = context.Request.HttpMethod == "GET" ? State : """{"success":true}""";
            var bytes = Encoding.UTF8.GetBytes(reply);
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
            _requests.Writer.TryWrite($"{context.Request.HttpMethod} {context.Request.Url!.AbsolutePath} {body}".TrimEnd());
        }
    }
}
