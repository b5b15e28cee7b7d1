using System.Net;
using System.Text.Json;
using DominantColors.Hue.Colors;

namespace DominantColors.Hue.Bridge;

public sealed partial class HueBridgeClient
{
    /// <summary>All lights with their gamut and state: CLIP v2, or v1 when the bridge has no v2.</summary>
    public async Task<IReadOnlyList<HueLight>> GetLightsAsync(CancellationToken cancellationToken)
    {
        if (!UsesV1)
        {
            var (status, body, _) = await SendAsync(HttpMethod.Get, "/clip/v2/resource/light", null, true, "GET light", cancellationToken).ConfigureAwait(false);
            using (body)
            {
                if (status != HttpStatusCode.NotFound)
                {
                    return Data(body.RootElement).Select(ParseV2Light).ToList();
                }
            }

            UsesV1 = true;
        }

        var key = RequireKey();
        var (_, v1Body, _) = await SendAsync(HttpMethod.Get, $"/api/{key}/lights", null, false, "GET v1 lights", cancellationToken).ConfigureAwait(false);
        using (v1Body)
        {
            ThrowOnV1Error(v1Body.RootElement, "GET v1 lights");
            return v1Body.RootElement.ValueKind == JsonValueKind.Object
                ? v1Body.RootElement.EnumerateObject().Select(p => ParseV1Light(p.Name, p.Value)).ToList()
                : [];
        }
    }

    /// <summary>Changes the attributes set in <paramref name="command"/> on one light (v2 id, or v1 id on a v1 bridge).</summary>
    public async Task SetLightAsync(string lightId, LightCommand command, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(lightId);
        if (UsesV1)
        {
            await SetLightV1Async(lightId, command, cancellationToken).ConfigureAwait(false);
            return;
        }

        var request = Json(w =>
        {
            w.WriteStartObject();
            if (command.On is { } on)
            {
                w.WriteStartObject("on");
                w.WriteBoolean("on", on);
                w.WriteEndObject();
            }

            if (command.Brightness is { } brightness)
            {
                w.WriteStartObject("dimming");
                w.WriteNumber("brightness", Math.Round(Math.Clamp(brightness, 0, 100), 2));
                w.WriteEndObject();
            }

            if (command.Xy is { } xy)
            {
                w.WriteStartObject("color");
                w.WriteStartObject("xy");
                w.WriteNumber("x", Math.Round(xy.X, 4));
                w.WriteNumber("y", Math.Round(xy.Y, 4));
                w.WriteEndObject();
                w.WriteEndObject();
            }

            if (command.Duration is { } duration)
            {
                w.WriteStartObject("dynamics");
                w.WriteNumber("duration", (int)Math.Max(0, duration.TotalMilliseconds));
                w.WriteEndObject();
            }

            w.WriteEndObject();
        });
        var what = $"PUT light {lightId}";
        var (status, body, _) = await SendAsync(HttpMethod.Put, $"/clip/v2/resource/light/{Uri.EscapeDataString(lightId)}", request, true, what, cancellationToken)
            .ConfigureAwait(false);
        body.Dispose();
        if (status == HttpStatusCode.NotFound)
        {
            throw new HueBridgeException($"Bridge {Address}: {what}: no such light.", 404);
        }
    }

    private async Task SetLightV1Async(string lightId, LightCommand command, CancellationToken cancellationToken)
    {
        var request = Json(w =>
        {
            w.WriteStartObject();
            if (command.On is { } on)
            {
                w.WriteBoolean("on", on);
            }

            if (command.Brightness is { } brightness)
            {
                // v1 brightness 1-254, where 1 is the dimmest (not off).
                w.WriteNumber("bri", (int)Math.Round(1 + (Math.Clamp(brightness, 0, 100) / 100 * 253)));
            }

            if (command.Xy is { } xy)
            {
                w.WriteStartArray("xy");
                w.WriteNumberValue(Math.Round(xy.X, 4));
                w.WriteNumberValue(Math.Round(xy.Y, 4));
                w.WriteEndArray();
            }

            if (command.Duration is { } duration)
            {
                w.WriteNumber("transitiontime", (int)Math.Round(Math.Clamp(duration.TotalMilliseconds, 0, 65535 * 100.0) / 100));
            }

            w.WriteEndObject();
        });
        var key = RequireKey();
        var what = $"PUT v1 light {lightId} state";
        var (_, body, _) = await SendAsync(HttpMethod.Put, $"/api/{key}/lights/{Uri.EscapeDataString(lightId)}/state", request, false, what, cancellationToken)
            .ConfigureAwait(false);
        using (body)
        {
            ThrowOnV1Error(body.RootElement, what);
        }
    }

    private static HueLight ParseV2Light(JsonElement light)
    {
        var id = String(light, "id") ?? string.Empty;
        var name = light.TryGetProperty("metadata", out var metadata) ? String(metadata, "name") ?? id : id;
        var v1 = String(light, "id_v1");
        var on = light.TryGetProperty("on", out var onElement) && onElement.TryGetProperty("on", out var onValue) && onValue.GetBoolean();
        var brightness = light.TryGetProperty("dimming", out var dimming) ? Number(dimming, "brightness") ?? 100 : 100;
        CieXy? xy = null;
        var gamut = ColorGamut.Unknown;
        var gamutType = "other";
        if (light.TryGetProperty("color", out var color))
        {
            if (color.TryGetProperty("xy", out var xyElement) && Number(xyElement, "x") is { } x && Number(xyElement, "y") is { } y)
            {
                xy = new CieXy(x, y);
            }

            gamutType = String(color, "gamut_type") ?? gamutType;
            gamut = color.TryGetProperty("gamut", out var triangle) && Point(triangle, "red") is { } r && Point(triangle, "green") is { } g
                && Point(triangle, "blue") is { } b
                ? new ColorGamut(r, g, b)
                : ColorGamut.FromType(gamutType);
        }

        return new HueLight(id, v1?.StartsWith("/lights/", StringComparison.Ordinal) == true ? v1["/lights/".Length..] : v1, name, gamut, gamutType, on, brightness, xy);
    }

    private static HueLight ParseV1Light(string id, JsonElement light)
    {
        var name = String(light, "name") ?? id;
        var state = light.TryGetProperty("state", out var s) ? s : default;
        var on = state.ValueKind == JsonValueKind.Object && state.TryGetProperty("on", out var onValue) && onValue.GetBoolean();
        var bri = state.ValueKind == JsonValueKind.Object ? Number(state, "bri") : null;
        CieXy? xy = state.ValueKind == JsonValueKind.Object && state.TryGetProperty("xy", out var xyArray) && xyArray.GetArrayLength() == 2
            ? new CieXy(xyArray[0].GetDouble(), xyArray[1].GetDouble())
            : null;
        var gamutType = "other";
        var gamut = ColorGamut.Unknown;
        if (light.TryGetProperty("capabilities", out var capabilities) && capabilities.TryGetProperty("control", out var control))
        {
            gamutType = String(control, "colorgamuttype") ?? gamutType;
            gamut = control.TryGetProperty("colorgamut", out var points) && points.GetArrayLength() == 3
                ? new ColorGamut(V1Point(points[0]), V1Point(points[1]), V1Point(points[2]))
                : ColorGamut.FromType(gamutType);
        }

        var brightness = bri is { } value ? Math.Round((value - 1) / 253 * 100, 2) : 100;
        return new HueLight(id, id, name, gamut, gamutType, on, brightness, xy);
    }

    private static CieXy? Point(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var p) && Number(p, "x") is { } x && Number(p, "y") is { } y ? new CieXy(x, y) : null;

    private static CieXy V1Point(JsonElement pair) => new(pair[0].GetDouble(), pair[1].GetDouble());
}
