using System.Text.Json;
using DominantColors.Colors;
using DominantColors.Outputs;
using Xunit.Abstractions;

namespace DominantColors.Tests.Web.Browser;

/// <summary>The preview page in a real browser: headless Chromium driven over the DevTools protocol.</summary>
public sealed class BrowserPreviewTests(ITestOutputHelper output)
{
    [Fact]
    public async Task PreviewPage_WhileFramesFlow_ShowsLightColorsAndFollowsThem()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var cancellationToken = timeout.Token;
        await using var web = await TestWebServer.StartAsync(TimeProvider.System);
        var console = new SinkStatus();
        console.ReportConnected();
        web.State.Outputs.Add("console", console);
        await using var frames = FrameDriver.Start(web.State.Preview, new Rgb24(230, 40, 20));
        await using var chromium = await HeadlessChromium.OpenAsync(web.Address, cancellationToken);
        var page = chromium.Page;

        var first = await WaitForLightColorAsync(page, "rgb(230, 40, 20)", cancellationToken);
        var thumbnail = await page.EvaluateAsync(CanvasPixel, cancellationToken);
        var palette = await page.EvaluateAsync(PaletteColors, cancellationToken);
        frames.Color = new Rgb24(20, 60, 240);
        var second = await WaitForLightColorAsync(page, "rgb(20, 60, 240)", cancellationToken);
        await SaveScreenshotAsync(page, cancellationToken);

        Assert.Equal("rgb(230, 40, 20)", first);
        Assert.Equal("[230,40,20]", thumbnail.GetRawText());
        Assert.Equal("rgb(230, 40, 20)", palette[0].GetString());
        Assert.Equal("rgb(20, 60, 240)", second);
    }

    [Fact]
    public async Task PreviewPage_ControlsUsed_ChangeDaemonSettings()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var cancellationToken = timeout.Token;
        const string Token = "preview-token-0123456789";
        await using var web = await TestWebServer.StartAsync(TimeProvider.System, Token);
        await using var frames = FrameDriver.Start(web.State.Preview, new Rgb24(10, 200, 10));
        await using var chromium = await HeadlessChromium.OpenAsync(new Uri(web.Address, "?token=" + Token), cancellationToken);
        var page = chromium.Page;
        await WaitForLightColorAsync(page, "rgb(10, 200, 10)", cancellationToken);
        var changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        web.State.Settings.Changed += (_, _) => changed.TrySetResult();

        await page.EvaluateAsync("document.getElementById('ambient').click()", cancellationToken);
        await changed.Task.WaitAsync(cancellationToken);
        changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await page.EvaluateAsync(
            "(() => { const s = document.getElementById('smoothing'); s.value = 'intense'; s.dispatchEvent(new Event('change')); })()",
            cancellationToken);
        await changed.Task.WaitAsync(cancellationToken);
        var error = await page.EvaluateAsync("document.getElementById('control-error').textContent", cancellationToken);

        Assert.False(web.State.Settings.Enabled);
        Assert.Equal(DominantColors.Smoothing.SmoothingPreset.Intense, web.State.Settings.Intensity);
        Assert.Equal(string.Empty, error.GetString());
    }

    [Fact]
    public async Task PreviewPage_OutputWaitingForAnotherApplication_ShowsWaitingAndWhy()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var cancellationToken = timeout.Token;
        const string Why = "entertainment area 'TV area' is in use by application 5c1e; waiting until it is free (takeOver: false)";
        await using var web = await TestWebServer.StartAsync(TimeProvider.System);
        var hue = new SinkStatus();
        hue.ReportConnected();
        hue.ReportWaiting(Why);
        web.State.Outputs.Add("hue:tv", hue);
        await using var frames = FrameDriver.Start(web.State.Preview, new Rgb24(230, 40, 20));
        await using var chromium = await HeadlessChromium.OpenAsync(web.Address, cancellationToken);

        var row = await chromium.Page.EvaluateAsync(OutputRow, cancellationToken);

        Assert.Equal("hue:tv", row[0].GetString());
        Assert.Equal("waiting", row[1].GetString());
        Assert.Equal(Why, row[5].GetString());
        Assert.Empty(chromium.Page.Problems);
    }

    /// <summary>The cells of the first row of the outputs table, once the page has drawn it.</summary>
    private const string OutputRow = """
        (async () => {
          const deadline = Date.now() + 30000;
          while (!document.querySelector('#outputs tr')) {
            if (Date.now() > deadline) throw new Error('no output row');
            await new Promise(r => setTimeout(r, 50));
          }
          return Array.from(document.querySelector('#outputs tr').cells).map(c => c.textContent);
        })()
        """;

    /// <summary>The thumbnail's pixel in the middle of the left zone, as drawn on the canvas.</summary>
    private const string CanvasPixel = """
        (() => { const c = document.getElementById('frame');
                 return Array.from(c.getContext('2d').getImageData(Math.floor(c.width / 4), Math.floor(c.height / 2), 1, 1).data.slice(0, 3)); })()
        """;

    private const string PaletteColors = """
        Array.from(document.querySelectorAll('#zones .palette .swatch')).map(e => getComputedStyle(e).backgroundColor)
        """;

    /// <summary>Waits in the page (it re-renders on every server-sent event) until every light swatch has the color.</summary>
    private static async Task<string> WaitForLightColorAsync(DevToolsSession page, string cssColor, CancellationToken cancellationToken)
    {
        var script = $$"""
            (async () => {
              const deadline = Date.now() + 30000;
              for (;;) {
                const colors = Array.from(document.querySelectorAll('#lights .light .swatch')).map(e => getComputedStyle(e).backgroundColor);
                if (colors.length > 0 && colors.every(c => c === '{{cssColor}}')) return colors[0];
                if (Date.now() > deadline) throw new Error('light swatches are ' + JSON.stringify(colors) + ', expected {{cssColor}}');
                await new Promise(resolve => { document.body.addEventListener('rendered', resolve, { once: true }); setTimeout(resolve, 1000); });
              }
            })()
            """;
        var value = await page.EvaluateAsync(script, cancellationToken);
        return value.GetString()!;
    }

    private async Task SaveScreenshotAsync(DevToolsSession page, CancellationToken cancellationToken)
    {
        var png = await page.CaptureScreenshotAsync(cancellationToken);
        var folder = Path.Combine(AppContext.BaseDirectory, "artifacts");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "web-preview.png");
        await File.WriteAllBytesAsync(path, png, cancellationToken);
        output.WriteLine($"Screenshot of the preview page: {path}");
        Assert.True(png.AsSpan(1, 3).SequenceEqual("PNG"u8), "the screenshot is not a PNG");
    }
}
