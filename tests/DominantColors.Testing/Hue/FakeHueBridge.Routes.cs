using System.Globalization;
using System.Text;
using System.Text.Json;

namespace DominantColors.Testing.Hue;

public sealed partial class FakeHueBridge
{
    private FakeHttpResponse Handle(FakeHttpRequest request)
    {
        var path = request.Path;
        lock (_gate)
        {
            if (path == "/api/config" && request.Method == "GET")
            {
                return FakeHttpResponse.Ok($$$$"""{"name":"Fake bridge","bridgeid":"{{{{BridgeId.ToUpperInvariant()}}}}","modelid":"BSB002","swversion":"1972004020"}""");
            }

            if (path == "/api" && request.Method == "POST")
            {
                return Pair(request);
            }

            if (path.StartsWith($"/api/{ApplicationKey}/", StringComparison.Ordinal))
            {
                return HandleV1(request, path[$"/api/{ApplicationKey}".Length..]);
            }

            if (path.StartsWith("/api/", StringComparison.Ordinal))
            {
                return FakeHttpResponse.Ok($$$$"""[{"error":{"type":1,"address":"{{{{path[4..]}}}}","description":"unauthorized user"}}]""");
            }

            if (request.Header("hue-application-key") != ApplicationKey)
            {
                return FakeHttpResponse.V2Error(403, "unauthorized user");
            }

            if (path == "/auth/v1")
            {
                return ReportsApplicationId
                    ? new FakeHttpResponse(200, "{}", new Dictionary<string, string> { ["hue-application-id"] = ApplicationId })
                    : FakeHttpResponse.Ok("{}");
            }

            if (!SupportsV2 || !path.StartsWith("/clip/v2/resource/", StringComparison.Ordinal))
            {
                return FakeHttpResponse.V2Error(404, "not found");
            }

            var parts = path["/clip/v2/resource/".Length..].Split('/');
            return (request.Method, parts[0], parts.Length) switch
            {
                ("GET", "light", 1) => FakeHttpResponse.Ok(Data(Lights.Select(LightJson))),
                ("PUT", "light", 2) => PutLight(parts[1], request.Body, v1: false),
                ("GET", "entertainment", 1) => FakeHttpResponse.Ok(Data(Lights.Select(l =>
                    $$$$"""{"id":"{{{{l.ServiceId}}}}","type":"entertainment","renderer":true,"renderer_reference":{"rid":"{{{{l.Id}}}}","rtype":"light"}}"""))),
                ("GET", "entertainment_configuration", 1) => FakeHttpResponse.Ok(Data(Areas.Select(AreaJson))),
                ("GET", "entertainment_configuration", 2) => GetArea(parts[1]),
                ("PUT", "entertainment_configuration", 2) => PutArea(parts[1], request.Body),
                _ => FakeHttpResponse.V2Error(404, "not found"),
            };
        }
    }

    private FakeHttpResponse Pair(FakeHttpRequest request)
    {
        PairingAttempts++;
        using var body = JsonDocument.Parse(request.Body);
        if (!body.RootElement.TryGetProperty("devicetype", out var deviceType) || deviceType.GetString() is not { Length: > 0 and <= 40 })
        {
            return FakeHttpResponse.Ok("""[{"error":{"type":7,"address":"/devicetype","description":"invalid value for parameter, devicetype"}}]""");
        }

        if (!LinkButtonPressed)
        {
            return FakeHttpResponse.Ok("""[{"error":{"type":101,"address":"","description":"link button not pressed"}}]""");
        }

        ApplicationKey = Convert.ToBase64String(Guid.NewGuid().ToByteArray()).TrimEnd('=').Replace('+', 'a').Replace('/', 'b');
        var clientKey = body.RootElement.TryGetProperty("generateclientkey", out var generate) && generate.GetBoolean();
        if (!clientKey)
        {
            return FakeHttpResponse.Ok($$$$"""[{"success":{"username":"{{{{ApplicationKey}}}}"}}]""");
        }

        ClientKey = Convert.ToHexString(Guid.NewGuid().ToByteArray());
        return FakeHttpResponse.Ok($$$$"""[{"success":{"username":"{{{{ApplicationKey}}}}","clientkey":"{{{{ClientKey}}}}"}}]""");
    }

    private FakeHttpResponse HandleV1(FakeHttpRequest request, string rest)
    {
        var parts = rest.Trim('/').Split('/');
        if (request.Method == "GET" && parts is ["lights"])
        {
            var lights = string.Join(',', Lights.Select(l => $$$$"""
                "{{{{l.V1Id}}}}":{"name":"{{{{l.Name}}}}","state":{"on":{{{{Bool(l.On)}}}},"bri":{{{{(int)Math.Round(1 + (l.Brightness / 100 * 253))}}}},"xy":[{{{{N(l.X)}}}},{{{{N(l.Y)}}}}]},
                "capabilities":{"control":{"colorgamuttype":"{{{{l.GamutType}}}}"}}}
                """));
            return FakeHttpResponse.Ok($"{{{lights}}}");
        }

        if (request.Method == "PUT" && parts is ["lights", var id, "state"])
        {
            return PutLight(id, request.Body, v1: true);
        }

        return FakeHttpResponse.Ok($$$$"""[{"error":{"type":3,"address":"/{{{{rest}}}}","description":"resource not available"}}]""");
    }

    private FakeHttpResponse PutLight(string id, byte[] body, bool v1)
    {
        var light = Lights.FirstOrDefault(l => (v1 ? l.V1Id : l.Id) == id);
        if (light is null)
        {
            return v1
                ? FakeHttpResponse.Ok($$$$"""[{"error":{"type":3,"address":"/lights/{{{{id}}}}","description":"resource not available"}}]""")
                : FakeHttpResponse.V2Error(404, "not found");
        }

        if (_failures.TryDequeue(out var failure))
        {
            _refusedAt.Add(Now);
            return failure == 901
                ? FakeHttpResponse.Ok($$$$"""[{"error":{"type":901,"address":"/lights/{{{{id}}}}/state","description":"Internal error, 503"}}]""")
                : FakeHttpResponse.V2Error(failure, "busy");
        }

        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        if (v1)
        {
            light.On = root.TryGetProperty("on", out var on) ? on.GetBoolean() : light.On;
            light.Brightness = root.TryGetProperty("bri", out var bri) ? (bri.GetInt32() - 1) / 253.0 * 100 : light.Brightness;
            if (root.TryGetProperty("xy", out var xy))
            {
                (light.X, light.Y) = (xy[0].GetDouble(), xy[1].GetDouble());
            }
        }
        else
        {
            light.On = root.TryGetProperty("on", out var on) ? on.GetProperty("on").GetBoolean() : light.On;
            light.Brightness = root.TryGetProperty("dimming", out var dimming) ? dimming.GetProperty("brightness").GetDouble() : light.Brightness;
            if (root.TryGetProperty("color", out var color))
            {
                (light.X, light.Y) = (color.GetProperty("xy").GetProperty("x").GetDouble(), color.GetProperty("xy").GetProperty("y").GetDouble());
            }
        }

        Record(new RecordedLightCommand(Now, id, v1, root.Clone()));
        return v1
            ? FakeHttpResponse.Ok($$$$"""[{"success":{"/lights/{{{{id}}}}/state":"ok"}}]""")
            : FakeHttpResponse.Ok($$$$"""{"errors":[],"data":[{"rid":"{{{{id}}}}","rtype":"light"}]}""");
    }

    private FakeHttpResponse GetArea(string id)
    {
        var area = Areas.FirstOrDefault(a => a.Id == id);
        if (area is null)
        {
            return FakeHttpResponse.V2Error(404, "not found");
        }

        area.StatusReads++;
        return FakeHttpResponse.Ok(Data([AreaJson(area)]));
    }

    private FakeHttpResponse PutArea(string id, byte[] body)
    {
        var area = Areas.FirstOrDefault(a => a.Id == id);
        if (area is null)
        {
            return FakeHttpResponse.V2Error(404, "not found");
        }

        using var document = JsonDocument.Parse(body);
        switch (document.RootElement.GetProperty("action").GetString())
        {
            case "start":
                area.Starts++;
                if (area.StartedFirstBy is { } first)
                {
                    area.StartedFirstBy = null;
                    area.ActiveStreamer = first;
                }

                if (area.ActiveStreamer is { } owner && owner != ApplicationId)
                {
                    // Refused while another application streams to it: Signify's huestream StreamStarter reads a failed
                    // start (CLIP v2 error 503 or 400, v1 error 307 "cannot activate") as "in use", and stops the owner first
                    // only when told to override.
                    return FakeHttpResponse.V2Error(503, "entertainment configuration is in use by another application");
                }

                area.ActiveStreamer = ApplicationId;
                break;
            case "stop":
                area.Stops++;
                area.ActiveStreamer = null;
                Entertainment.EndSession();
                break;
            default:
                return FakeHttpResponse.V2Error(400, "invalid action");
        }

        return FakeHttpResponse.Ok($$$$"""{"errors":[],"data":[{"rid":"{{{{id}}}}","rtype":"entertainment_configuration"}]}""");
    }

    /// <summary>Marks <paramref name="area"/> as streamed to by another application.</summary>
    public void OccupyArea(FakeArea area, string otherApplicationId)
    {
        lock (_gate)
        {
            area.ActiveStreamer = otherApplicationId;
        }
    }

    internal void Deactivate(FakeArea area)
    {
        lock (_gate)
        {
            area.ActiveStreamer = null;
        }
    }

    internal FakeArea? StreamingArea()
    {
        lock (_gate)
        {
            return Areas.FirstOrDefault(a => a.ActiveStreamer == ApplicationId);
        }
    }

    private static string LightJson(FakeLight l) => $$$$"""
        {"id":"{{{{l.Id}}}}","id_v1":"/lights/{{{{l.V1Id}}}}","type":"light","metadata":{"name":"{{{{l.Name}}}}"},
         "on":{"on":{{{{Bool(l.On)}}}}},"dimming":{"brightness":{{{{N(l.Brightness)}}}}},
         "color":{"xy":{"x":{{{{N(l.X)}}}},"y":{{{{N(l.Y)}}}}},"gamut_type":"{{{{l.GamutType}}}}"}}
        """;

    private static string AreaJson(FakeArea a)
    {
        var channels = new StringBuilder();
        for (var i = 0; i < a.Channels.Count; i++)
        {
            var (light, x, y, z) = a.Channels[i];
            channels.Append(i == 0 ? string.Empty : ",").Append(CultureInfo.InvariantCulture, $$$$"""
                {"channel_id":{{{{i}}}},"position":{"x":{{{{N(x)}}}},"y":{{{{N(y)}}}},"z":{{{{N(z)}}}}},"members":[{"service":{"rid":"{{{{light.ServiceId}}}}","rtype":"entertainment"},"index":0}]}
                """);
        }

        var streamer = a.ActiveStreamer is null ? string.Empty : $$$$""","active_streamer":{"rid":"{{{{a.ActiveStreamer}}}}","rtype":"auth_v1"}""";
        return $$$$"""
            {"id":"{{{{a.Id}}}}","type":"entertainment_configuration","metadata":{"name":"{{{{a.Name}}}}"},"configuration_type":"screen",
             "status":"{{{{(a.ActiveStreamer is null ? "inactive" : "active")}}}}"{{{{streamer}}}},"channels":[{{{{channels}}}}]}
            """;
    }

    private static string Data(IEnumerable<string> items) => $$$$"""{"errors":[],"data":[{{{{string.Join(',', items)}}}}]}""";

    private static string Bool(bool value) => value ? "true" : "false";

    private static string N(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
