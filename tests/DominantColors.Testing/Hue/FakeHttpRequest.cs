namespace DominantColors.Testing.Hue;

/// <summary>One parsed HTTP/1.1 request received by the fake bridge.</summary>
internal sealed record FakeHttpRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
