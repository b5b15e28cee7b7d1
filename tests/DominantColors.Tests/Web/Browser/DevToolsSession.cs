using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DominantColors.Tests.Web.Browser;

/// <summary>
/// A minimal Chrome DevTools protocol client over <see cref="ClientWebSocket"/>: one page target, one command at a
/// time. Enough to evaluate script in the page and take a screenshot. Of the events (read while a command waits for
/// its reply, so up to the last reply) it keeps the page's problems and the addresses it requested, once
/// <see cref="WatchAsync"/> has switched them on.
/// </summary>
internal sealed class DevToolsSession : IAsyncDisposable
{
    private readonly ClientWebSocket _socket;
    private readonly List<string> _problems = [];
    private readonly List<string> _requests = [];
    private int _nextId;

    private DevToolsSession(ClientWebSocket socket) => _socket = socket;

    /// <summary>Finds the browser's page target (it appears once the browser opened its first tab) and connects.</summary>
    public static async Task<DevToolsSession> ConnectToPageAsync(int port, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        using var retry = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        do
        {
            var targets = await http.GetFromJsonAsync<JsonArray>(new Uri("json/list", UriKind.Relative), cancellationToken);
            var page = targets?.FirstOrDefault(t => (string?)t?["type"] == "page");
            if (page?["webSocketDebuggerUrl"] is { } address)
            {
                var socket = new ClientWebSocket();
                socket.Options.KeepAliveInterval = TimeSpan.Zero;
                await socket.ConnectAsync(new Uri((string)address!), cancellationToken);
                return new DevToolsSession(socket);
            }
        }
        while (await retry.WaitForNextTickAsync(cancellationToken));

        throw new OperationCanceledException("Chromium showed no page target.");
    }

    /// <summary>
    /// Uncaught exceptions, console errors and the browser's own error log entries (a resource that failed to load)
    /// since <see cref="WatchAsync"/>, up to the last command's reply.
    /// </summary>
    public IReadOnlyList<string> Problems => _problems;

    /// <summary>Every address the page requested since <see cref="WatchAsync"/> (data: addresses cut after 40 characters).</summary>
    public IReadOnlyList<string> RequestedUrls => _requests;

    /// <summary>Switches on the events <see cref="Problems"/> and <see cref="RequestedUrls"/> are made of.</summary>
    public async Task WatchAsync(CancellationToken cancellationToken)
    {
        await SendAsync("Runtime.enable", null, cancellationToken);
        await SendAsync("Log.enable", null, cancellationToken);
        await SendAsync("Network.enable", null, cancellationToken);
    }

    /// <summary>Sends one command and returns its <c>result</c>; a protocol error becomes an exception.</summary>
    public async Task<JsonElement> SendAsync(string method, JsonObject? parameters, CancellationToken cancellationToken)
    {
        var id = ++_nextId;
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? [] };
        await _socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        while (true)
        {
            using var reply = await ReceiveAsync(cancellationToken);
            var root = reply.RootElement;
            if (!root.TryGetProperty("id", out var replyId))
            {
                Record(root);
                continue;
            }

            if (replyId.GetInt32() != id)
            {
                continue;
            }

            if (root.TryGetProperty("error", out var error))
            {
                throw new InvalidOperationException($"DevTools {method} failed: {error}");
            }

            return root.GetProperty("result").Clone();
        }
    }

    /// <summary>Loads <paramref name="url"/>; returns once the new document is committed, so scripts run in it.</summary>
    public async Task NavigateAsync(Uri url, CancellationToken cancellationToken)
    {
        var result = await SendAsync("Page.navigate", new JsonObject { ["url"] = url.ToString() }, cancellationToken);
        if (result.TryGetProperty("errorText", out var error))
        {
            throw new InvalidOperationException($"Chromium could not open {url}: {error.GetString()}");
        }

        await EvaluateAsync(
            "new Promise(resolve => document.readyState === 'complete' ? resolve() : addEventListener('load', () => resolve(), { once: true }))",
            cancellationToken);
    }

    /// <summary>Evaluates <paramref name="expression"/> in the page, awaiting a promise, and returns its value as JSON.</summary>
    public async Task<JsonElement> EvaluateAsync(string expression, CancellationToken cancellationToken)
    {
        var result = await SendAsync("Runtime.evaluate", new JsonObject
        {
            ["expression"] = expression,
            ["awaitPromise"] = true,
            ["returnByValue"] = true,
        }, cancellationToken);
        if (result.TryGetProperty("exceptionDetails", out var exception))
        {
            throw new InvalidOperationException($"Script failed in the page: {exception}");
        }

        return result.GetProperty("result").TryGetProperty("value", out var value) ? value : default;
    }

    /// <summary>A PNG of the page as it is rendered now.</summary>
    public async Task<byte[]> CaptureScreenshotAsync(CancellationToken cancellationToken)
    {
        var result = await SendAsync("Page.captureScreenshot", new JsonObject { ["format"] = "png" }, cancellationToken);
        return Convert.FromBase64String(result.GetProperty("data").GetString()!);
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
            }
            catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
            {
                // The browser is about to be killed anyway.
            }
        }

        _socket.Dispose();
    }

    private void Record(JsonElement message)
    {
        if (!message.TryGetProperty("method", out var method) || !message.TryGetProperty("params", out var parameters))
        {
            return;
        }

        switch (method.GetString())
        {
            case "Runtime.exceptionThrown":
                _problems.Add($"exception: {parameters.GetProperty("exceptionDetails")}");
                break;
            case "Runtime.consoleAPICalled" when parameters.GetProperty("type").GetString() is "error" or "assert":
                _problems.Add($"console.{parameters.GetProperty("type").GetString()}: {parameters.GetProperty("args")}");
                break;
            case "Log.entryAdded" when parameters.GetProperty("entry").GetProperty("level").GetString() == "error":
                var entry = parameters.GetProperty("entry");
                _problems.Add($"log: {entry.GetProperty("text").GetString()} {(entry.TryGetProperty("url", out var url) ? url.GetString() : null)}");
                break;
            case "Network.requestWillBeSent":
                var address = parameters.GetProperty("request").GetProperty("url").GetString()!;
                _requests.Add(address.StartsWith("data:", StringComparison.Ordinal) && address.Length > 40 ? address[..40] : address);
                break;
        }
    }

    private async Task<JsonDocument> ReceiveAsync(CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        while (true)
        {
            var received = await _socket.ReceiveAsync(chunk, cancellationToken);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                throw new InvalidOperationException("The browser closed the DevTools connection.");
            }

            buffer.Write(chunk, 0, received.Count);
            if (received.EndOfMessage)
            {
                return JsonDocument.Parse(buffer.ToArray());
            }
        }
    }
}
