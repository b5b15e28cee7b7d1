using System.Net;
using System.Text.Json;

namespace DominantColors.Hue.Bridge;

public sealed partial class HueBridgeClient
{
    /// <summary>The unauthenticated bridge description, <c>GET /api/config</c>.</summary>
    public async Task<BridgeConfig> GetConfigAsync(CancellationToken cancellationToken)
    {
        var (_, body, _) = await SendAsync(HttpMethod.Get, "/api/config", null, authenticated: false, "GET /api/config", cancellationToken).ConfigureAwait(false);
        using (body)
        {
            var root = body.RootElement;
            var bridgeId = String(root, "bridgeid")
                ?? throw new HueBridgeException($"Bridge {Address}: GET /api/config has no bridgeid; is this a Hue bridge?");
            return new BridgeConfig(bridgeId, String(root, "name"), String(root, "modelid"), String(root, "swversion"));
        }
    }

    /// <summary>
    /// Asks for an application key and client key (<c>POST /api</c> with <c>generateclientkey</c>). Returns null while
    /// the link button has not been pressed (v1 error 101); the caller polls about once a second.
    /// </summary>
    public async Task<PairingResult?> TryPairAsync(string deviceType, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(deviceType);
        var request = Json(w =>
        {
            w.WriteStartObject();
            w.WriteString("devicetype", deviceType);
            w.WriteBoolean("generateclientkey", true);
            w.WriteEndObject();
        });
        var (_, body, _) = await SendAsync(HttpMethod.Post, "/api", request, authenticated: false, "POST /api (pairing)", cancellationToken).ConfigureAwait(false);
        using (body)
        {
            var root = body.RootElement;
            if (root.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in root.EnumerateArray())
                {
                    if (item.TryGetProperty("error", out var error) && error.TryGetProperty("type", out var type) && type.GetInt32() == 101)
                    {
                        return null;
                    }

                    if (item.TryGetProperty("success", out var success))
                    {
                        var key = String(success, "username");
                        var clientKey = String(success, "clientkey");
                        if (key is null || clientKey is null)
                        {
                            throw new HueBridgeException($"Bridge {Address}: pairing succeeded without a username and client key.");
                        }

                        return new PairingResult(key, clientKey);
                    }
                }
            }

            ThrowOnV1Error(root, "POST /api (pairing)");
            throw new HueBridgeException($"Bridge {Address}: pairing gave an answer that is neither success nor error.");
        }
    }

    /// <summary><c>GET /auth/v1</c>: the application id (the DTLS identity), or null when the bridge does not say.</summary>
    public async Task<string?> GetApplicationIdAsync(CancellationToken cancellationToken)
    {
        var (status, body, headers) = await SendAsync(HttpMethod.Get, "/auth/v1", null, authenticated: true, "GET /auth/v1", cancellationToken).ConfigureAwait(false);
        body.Dispose();
        if (status == HttpStatusCode.NotFound)
        {
            return null;
        }

        return headers.TryGetValues("hue-application-id", out var values) ? values.FirstOrDefault() : null;
    }

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static double? Number(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number
            ? value.GetDouble()
            : null;
}
