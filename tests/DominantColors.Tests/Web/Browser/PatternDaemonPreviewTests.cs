using System.Globalization;
using System.Text.Json;
using DominantColors.Colors;
using DominantColors.Configuration;
using DominantColors.Hosting;
using DominantColors.Outputs;
using DominantColors.Testing.Daemon;
using DominantColors.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit.Abstractions;

namespace DominantColors.Tests.Web.Browser;

/// <summary>The whole daemon (pattern source, pipeline, a recording output, the web preview) seen through Chromium.</summary>
public sealed class PatternDaemonPreviewTests(ITestOutputHelper output)
{
    private const string Config = """
        source:
          type: pattern
          fps: 30
          periodSeconds: 3
        smoothing:
          intensity: none
        lights:
          - name: left
            zone: left
            pick: dominant
          - name: right
            zone: right
            pick: dominant
        outputs:
          - type: test
            lights: [left, right]
        web:
          address: 127.0.0.1
          port: 0
        """;

    /// <summary>The recording sink reads latest-wins, so it may skip the very frame a snapshot was taken of.</summary>
    private const int Tolerance = 24;

    [Fact]
    public async Task PreviewPage_WhilePatternSourceRuns_ShowsTheColorsOutputsGetAndFollowsThem()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var cancellationToken = timeout.Token;
        var directory = Directory.CreateTempSubdirectory("dominant-colors-web-").FullName;
        var path = Path.Combine(directory, "config.yaml");
        await File.WriteAllTextAsync(path, Config, cancellationToken);
        var sinks = new TestSinkFactory();
        using var host = DaemonHost.Build(new ConfigFile(path), [], services => services.AddSingleton<IColorSinkFactory>(sinks));
        await host.StartAsync(cancellationToken);
        try
        {
            var address = host.Services.GetRequiredService<WebPreviewService>().Address!;
            await using var chromium = await HeadlessChromium.OpenAsync(address, cancellationToken);

            var seen = await chromium.Page.EvaluateAsync(CollectDistinctLightColors, cancellationToken);
            await SaveScreenshotAsync(chromium.Page, cancellationToken);
            var recorded = sinks.Recording().Received.Select(r => r.Colors).ToList();

            var observations = seen.EnumerateArray().Select(pair => pair.EnumerateArray().Select(c => ParseCss(c.GetString()!)).ToArray()).ToList();
            Assert.True(observations.Count >= 3, $"the page showed only {observations.Count} distinct color pairs");
            foreach (var shown in observations)
            {
                var nearest = recorded.Min(r => Distance(r, shown));
                Assert.True(nearest <= Tolerance, $"the page showed {string.Join(" ", shown)}, {nearest} away from anything the output got");
            }

            var exact = observations.Count(shown => recorded.Any(r => Distance(r, shown) == 0));
            output.WriteLine($"{observations.Count} distinct light color pairs shown, {exact} exactly as an output received them, {recorded.Count} recorded.");
        }
        finally
        {
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            await host.StopAsync(stop.Token);
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>Collects the light swatches' computed colors after each render until five distinct pairs were shown.</summary>
    private const string CollectDistinctLightColors = """
        (async () => {
          const seen = new Map();
          const deadline = Date.now() + 60000;
          while (seen.size < 5) {
            if (Date.now() > deadline) throw new Error('only ' + seen.size + ' distinct colors: ' + JSON.stringify([...seen.values()]));
            await new Promise(resolve => { document.body.addEventListener('rendered', resolve, { once: true }); setTimeout(resolve, 1000); });
            const lights = Array.from(document.querySelectorAll('#lights .light'));
            if (lights.length !== 2) continue;
            const colors = lights.map(l => getComputedStyle(l.querySelector('.swatch')).backgroundColor);
            seen.set(colors.join('|'), colors);
          }
          return [...seen.values()];
        })()
        """;

    private static Rgb24 ParseCss(string css)
    {
        var parts = css["rgb(".Length..^1].Split(',').Select(p => byte.Parse(p.Trim(), CultureInfo.InvariantCulture)).ToArray();
        return new Rgb24(parts[0], parts[1], parts[2]);
    }

    private static int Distance(Rgb24[] recorded, Rgb24[] shown)
    {
        var worst = 0;
        for (var i = 0; i < shown.Length; i++)
        {
            worst = Math.Max(worst, Math.Max(Math.Abs(recorded[i].R - shown[i].R), Math.Max(Math.Abs(recorded[i].G - shown[i].G), Math.Abs(recorded[i].B - shown[i].B))));
        }

        return worst;
    }

    private async Task SaveScreenshotAsync(DevToolsSession page, CancellationToken cancellationToken)
    {
        var png = await page.CaptureScreenshotAsync(cancellationToken);
        var folder = Path.Combine(AppContext.BaseDirectory, "artifacts");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "web-preview-pattern.png");
        await File.WriteAllBytesAsync(path, png, cancellationToken);
        output.WriteLine($"Screenshot of the preview page with the pattern source: {path}");
    }
}
