using System.Text;

namespace DominantColors.Testing.Hue;

/// <summary>A response of the fake bridge: status, JSON body, extra headers.</summary>
internal sealed record FakeHttpResponse(int Status, string Json, IReadOnlyDictionary<string, string>? Headers = null)
{
    public static FakeHttpResponse Ok(string json) => new(200, json);

    public static FakeHttpResponse V2Error(int status, string description) =>
        new(status, $$"""{"errors":[{"description":"{{description}}"}],"data":[]}""");

    public byte[] ToBytes()
    {
        var body = Encoding.UTF8.GetBytes(Json);
        var head = new StringBuilder()
            .Append("HTTP/1.1 ").Append(Status).Append(' ').Append(Reason(Status)).Append("\r\n")
            .Append("Content-Type: application/json\r\n")
            .Append("Content-Length: ").Append(body.Length).Append("\r\n");
        foreach (var (name, value) in Headers ?? new Dictionary<string, string>())
        {
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        head.Append("\r\n");
        return [.. Encoding.ASCII.GetBytes(head.ToString()), .. body];
    }

    private static string Reason(int status) => status switch
    {
        200 => "OK",
        207 => "Multi-Status",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        429 => "Too Many Requests",
        503 => "Service Unavailable",
        _ => "Status",
    };
}
