using System.Net;
using System.Text.Json;

namespace DominantColors.Hue.Bridge;

public sealed partial class HueBridgeClient
{
    /// <summary>
    /// The entertainment areas with their channels; each channel's lights come from the entertainment services of
    /// its members (their <c>renderer_reference</c>). Needs CLIP v2.
    /// </summary>
    public async Task<IReadOnlyList<EntertainmentArea>> GetEntertainmentAreasAsync(CancellationToken cancellationToken)
    {
        var services = await GetEntertainmentServicesAsync(cancellationToken).ConfigureAwait(false);
        var (status, body, _) = await SendAsync(
            HttpMethod.Get, "/clip/v2/resource/entertainment_configuration", null, true, "GET entertainment_configuration", cancellationToken).ConfigureAwait(false);
        using (body)
        {
            if (status == HttpStatusCode.NotFound)
            {
                throw new HueBridgeException($"Bridge {Address} has no CLIP v2 entertainment_configuration; Entertainment streaming needs a v2 bridge (software 1948086000 or later).", 404);
            }

            return Data(body.RootElement).Select(a => ParseArea(a, services)).ToList();
        }
    }

    /// <summary>
    /// One area's stream status (<c>status</c> and <c>active_streamer</c>) with a single GET of that area, cheap
    /// enough to poll while streaming. Throws when the area no longer exists.
    /// </summary>
    public async Task<EntertainmentStatus> GetEntertainmentStatusAsync(string areaId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(areaId);
        var what = $"GET entertainment area {areaId}";
        var (status, body, _) = await SendAsync(
            HttpMethod.Get, $"/clip/v2/resource/entertainment_configuration/{Uri.EscapeDataString(areaId)}", null, true, what, cancellationToken)
            .ConfigureAwait(false);
        using (body)
        {
            if (status == HttpStatusCode.NotFound || Data(body.RootElement) is not [var area, ..])
            {
                throw new HueBridgeException($"Bridge {Address}: {what}: no such area.", 404);
            }

            var streamer = area.TryGetProperty("active_streamer", out var active) ? String(active, "rid") : null;
            return new EntertainmentStatus(String(area, "status") == "active", streamer);
        }
    }

    /// <summary>Takes the area for streaming (<c>{"action":"start"}</c>).</summary>
    public Task StartEntertainmentAsync(string areaId, CancellationToken cancellationToken) => EntertainmentActionAsync(areaId, "start", cancellationToken);

    /// <summary>Releases the area (<c>{"action":"stop"}</c>).</summary>
    public Task StopEntertainmentAsync(string areaId, CancellationToken cancellationToken) => EntertainmentActionAsync(areaId, "stop", cancellationToken);

    private async Task EntertainmentActionAsync(string areaId, string action, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(areaId);
        var request = Json(w =>
        {
            w.WriteStartObject();
            w.WriteString("action", action);
            w.WriteEndObject();
        });
        var what = $"{action} entertainment area {areaId}";
        var (status, body, _) = await SendAsync(
            HttpMethod.Put, $"/clip/v2/resource/entertainment_configuration/{Uri.EscapeDataString(areaId)}", request, true, what, cancellationToken)
            .ConfigureAwait(false);
        body.Dispose();
        if (status == HttpStatusCode.NotFound)
        {
            throw new HueBridgeException($"Bridge {Address}: {what}: no such area.", 404);
        }
    }

    private async Task<Dictionary<string, string>> GetEntertainmentServicesAsync(CancellationToken cancellationToken)
    {
        var (status, body, _) = await SendAsync(
            HttpMethod.Get, "/clip/v2/resource/entertainment", null, true, "GET entertainment", cancellationToken).ConfigureAwait(false);
        using (body)
        {
            var lightsByService = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            if (status == HttpStatusCode.NotFound)
            {
                return lightsByService;
            }

            foreach (var service in Data(body.RootElement))
            {
                if (String(service, "id") is { } id && service.TryGetProperty("renderer_reference", out var renderer)
                    && String(renderer, "rid") is { } lightId)
                {
                    lightsByService[id] = lightId;
                }
            }

            return lightsByService;
        }
    }

    private static EntertainmentArea ParseArea(JsonElement area, Dictionary<string, string> lightsByService)
    {
        var id = String(area, "id") ?? string.Empty;
        var name = (area.TryGetProperty("metadata", out var metadata) ? String(metadata, "name") : null) ?? String(area, "name") ?? id;
        var streamer = area.TryGetProperty("active_streamer", out var active) ? String(active, "rid") : null;
        var channels = new List<EntertainmentChannel>();
        if (area.TryGetProperty("channels", out var channelArray) && channelArray.ValueKind == JsonValueKind.Array)
        {
            foreach (var channel in channelArray.EnumerateArray())
            {
                var position = channel.TryGetProperty("position", out var p)
                    ? new ChannelPosition(Number(p, "x") ?? 0, Number(p, "y") ?? 0, Number(p, "z") ?? 0)
                    : default;
                var lights = new List<string>();
                if (channel.TryGetProperty("members", out var members) && members.ValueKind == JsonValueKind.Array)
                {
                    foreach (var member in members.EnumerateArray())
                    {
                        if (member.TryGetProperty("service", out var service) && String(service, "rid") is { } rid
                            && lightsByService.TryGetValue(rid, out var lightId) && !lights.Contains(lightId))
                        {
                            lights.Add(lightId);
                        }
                    }
                }

                channels.Add(new EntertainmentChannel((byte)(Number(channel, "channel_id") ?? 0), position, lights));
            }
        }

        return new EntertainmentArea(
            id, name, String(area, "configuration_type") ?? "other", String(area, "status") == "active", streamer, channels);
    }
}
