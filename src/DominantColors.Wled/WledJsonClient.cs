using System.Net.Http.Headers;
using System.Text;

namespace DominantColors.Wled;

/// <summary>WLED's JSON API: read <c>/json/state</c> to save it, post state objects (leave realtime mode, restore).</summary>
internal sealed class WledJsonClient : IDisposable
{
    private readonly HttpClient _http;

    public WledJsonClient(Uri baseAddress)
    {
        _http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(5) };
    }

    public Uri StateUrl => new(_http.BaseAddress!, "json/state");

    public Task<string> GetStateAsync(CancellationToken cancellationToken) => _http.GetStringAsync("json/state", cancellationToken);

    public async Task PostStateAsync(string json, CancellationToken cancellationToken)
    {
        using var content = new StringContent(json, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await _http.PostAsync("json/state", content, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
    }

    public void Dispose() => _http.Dispose();
}
