using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Authentication;
using System.Text.Json;

namespace DominantColors.Hue.Bridge;

/// <summary>
/// HTTPS client for one bridge: CLIP v2 where the bridge has it, API v1 where it does not. Every connection is checked
/// against a <see cref="BridgeCertificatePin"/>; nothing else about the certificate is trusted. The application key
/// travels only in request headers or paths and never appears in an exception message.
/// </summary>
public sealed partial class HueBridgeClient : IDisposable
{
    private const string ApplicationKeyHeader = "hue-application-key";
    private readonly HttpClient _http;
    private readonly string? _applicationKey;

    public HueBridgeClient(BridgeAddress address, BridgeCertificatePin pin, string? applicationKey, TimeSpan? requestTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(pin);
        Address = address;
        Pin = pin;
        _applicationKey = applicationKey;
        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = TimeSpan.FromSeconds(5),
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            AllowAutoRedirect = false,
            UseCookies = false,
        };
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) => pin.Validate(certificate);
        _http = new HttpClient(handler) { BaseAddress = address.BaseUri, Timeout = requestTimeout ?? TimeSpan.FromSeconds(10) };
    }

    public BridgeAddress Address { get; }

    public BridgeCertificatePin Pin { get; }

    /// <summary>True once the bridge answered that it has no CLIP v2: lights then go through API v1.</summary>
    public bool UsesV1 { get; private set; }

    public void Dispose() => _http.Dispose();

    private string RequireKey() =>
        _applicationKey ?? throw new InvalidOperationException($"Bridge {Address}: this request needs an application key; pair first.");

    private async Task<(HttpStatusCode Status, JsonDocument Body, HttpResponseHeaders Headers)> SendAsync(
        HttpMethod method, string path, ReadOnlyMemory<byte>? body, bool authenticated, string what, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        if (authenticated)
        {
            request.Headers.Add(ApplicationKeyHeader, RequireKey());
        }

        if (body is { } content)
        {
            request.Content = new ReadOnlyMemoryContent(content);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex) when (ex.InnerException is AuthenticationException && Pin.LastRejection is not null)
        {
            throw new HueBridgeException($"Bridge {Address}: {what} refused, {Pin.LastRejection}.", ex);
        }
        catch (HttpRequestException ex)
        {
            throw new HueBridgeException($"Bridge {Address}: {what} failed: {ex.Message}", ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new HueBridgeException($"Bridge {Address}: {what} timed out.", ex);
        }

        using (response)
        {
            var status = response.StatusCode;
            if (status is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable)
            {
                throw new HueBridgeBusyException(
                    $"Bridge {Address}: {what} refused with {(int)status} (busy).", (int)status, response.Headers.RetryAfter?.Delta);
            }

            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(bytes.Length == 0 ? "null"u8.ToArray() : bytes);
            }
            catch (JsonException ex)
            {
                throw new HueBridgeException($"Bridge {Address}: {what} answered {(int)status} with invalid JSON: {ex.Message}", ex);
            }

            if (status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                document.Dispose();
                throw new HueBridgeException($"Bridge {Address}: {what} refused ({(int)status}): the application key is not accepted; pair again.", (int)status);
            }

            if ((int)status >= 400 && status != HttpStatusCode.NotFound)
            {
                var reason = V2ErrorText(document.RootElement) ?? response.ReasonPhrase;
                document.Dispose();
                throw new HueBridgeException($"Bridge {Address}: {what} failed with {(int)status}: {reason}", (int)status);
            }

            return (status, document, response.Headers);
        }
    }

    private static string? V2ErrorText(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("errors", out var errors) || errors.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var texts = errors.EnumerateArray()
            .Select(e => e.TryGetProperty("description", out var d) ? d.GetString() : null)
            .Where(d => !string.IsNullOrEmpty(d))
            .ToArray();
        return texts.Length == 0 ? null : string.Join("; ", texts);
    }

    /// <summary>v1 answers are arrays of {success} / {error}; throws on the first error, busy for 901.</summary>
    private void ThrowOnV1Error(JsonElement root, string what)
    {
        if (root.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        foreach (var item in root.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty("error", out var error))
            {
                var type = error.TryGetProperty("type", out var t) && t.TryGetInt32(out var n) ? n : 0;
                var description = error.TryGetProperty("description", out var d) ? d.GetString() : null;
                if (type == 901)
                {
                    throw new HueBridgeBusyException($"Bridge {Address}: {what} failed with v1 error 901 ({description}).", 901, null);
                }

                throw new HueBridgeException($"Bridge {Address}: {what} failed with v1 error {type} ({description}).", type);
            }
        }
    }

    private static ReadOnlyMemory<byte> Json(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return buffer.WrittenMemory;
    }

    private static List<JsonElement> Data(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Array
            ? [.. data.EnumerateArray()]
            : [];
}
