using System.Text.Json;
using DominantColors.Colors;

namespace DominantColors.Tests.Web;

public sealed class EventStreamTests
{
    [Fact]
    public async Task GetEvents_NewSnapshots_StreamsStatusWithThumbnailPerSnapshot()
    {
        await using var web = await TestWebServer.StartAsync(TimeProvider.System);
        var writer = new SnapshotWriter(web.State.Preview);
        writer.PublishSolid(new Rgb24(255, 0, 0), sequence: 1, TimeProvider.System.GetTimestamp());
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        using var response = await web.Client.GetAsync(new Uri("api/events", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));
        var first = await ReadEventAsync(reader, timeout.Token);
        var watchersWhileStreaming = web.State.Preview.Watchers;
        writer.PublishSolid(new Rgb24(0, 0, 255), sequence: 2, TimeProvider.System.GetTimestamp());
        var second = await ReadEventAsync(reader, timeout.Token);
        while (second.GetProperty("source").GetProperty("sequence").GetInt64() != 2)
        {
            second = await ReadEventAsync(reader, timeout.Token);
        }

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(1, watchersWhileStreaming);
        Assert.Equal("#ff0000", first.GetProperty("lights")[0].GetProperty("color").GetString());
        Assert.Equal(64, first.GetProperty("frame").GetProperty("width").GetInt32());
        Assert.Equal("#0000ff", second.GetProperty("lights")[0].GetProperty("color").GetString());
        Assert.Equal([0, 0, 255], Convert.FromBase64String(second.GetProperty("frame").GetProperty("rgb").GetString()!)[..3]);
    }

    /// <summary>Reads one <c>data:</c> event (skipping the <c>retry:</c> field and blank lines).</summary>
    private static async Task<JsonElement> ReadEventAsync(StreamReader reader, CancellationToken cancellationToken)
    {
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                using var json = JsonDocument.Parse(line["data: ".Length..]);
                return json.RootElement.Clone();
            }
        }

        throw new EndOfStreamException("The event stream ended.");
    }
}
