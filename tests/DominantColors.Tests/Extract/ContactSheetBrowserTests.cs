using System.Globalization;
using System.Text.Json;
using DominantColors.Tests.Samples;
using DominantColors.Tests.Web.Browser;
using SixLabors.ImageSharp;
using Xunit.Abstractions;
using ImageRgb24 = SixLabors.ImageSharp.PixelFormats.Rgb24;

namespace DominantColors.Tests.Extract;

/// <summary>The <c>--html</c> contact sheet of the repository's samples, opened in headless Chromium.</summary>
public sealed class ContactSheetBrowserTests(ITestOutputHelper output) : IDisposable
{
    private readonly TestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task ContactSheet_Samples_LoadsShowsEveryReadableInputTintedWithItsBackground()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var cancellationToken = timeout.Token;
        var samples = Directory.GetFiles(Path.Combine(RepositoryRoot(), "docs", "samples")).Order(StringComparer.Ordinal).ToArray();
        var video = _folder.Combine("clip.mp4");
        await TestFolder.FfmpegAsync("-f", "lavfi", "-i", "testsrc2=size=160x90:rate=10", "-t", "2", "-pix_fmt", "yuv420p", video);
        var broken = _folder.Write("broken.jpg", TestFolder.NoiseBytes(jpeg: true)[..200]);
        var sheet = _folder.Combine("sheet.html");

        var run = await ExtractRun.RunAsync(["--format", "json", "--html", sheet, .. samples, video, broken]);

        Assert.Single(run.ErrorLines);
        using var json = JsonDocument.Parse(run.Output);
        var expectedTints = json.RootElement.EnumerateArray().ToDictionary(
            i => Path.GetFileName(i.GetProperty("file").GetString()!),
            i => (i.TryGetProperty("background", out var bg) ? bg : i.GetProperty("palette"))[0].GetProperty("hex").GetString()!);
        await using var chromium = await HeadlessChromium.OpenAsync(new Uri(sheet), cancellationToken);
        var page = chromium.Page;

        var ready = await page.EvaluateAsync(WhenThumbnailsShown, cancellationToken);
        var cards = await page.EvaluateAsync(CardLayout, cancellationToken);
        var png = await page.CaptureScreenshotAsync(cancellationToken);
        await SaveAsync(png, cancellationToken);
        await page.EvaluateAsync("(() => { const s = document.getElementById('sort'); s.value = 'hue'; s.dispatchEvent(new Event('change')); })()", cancellationToken);
        var hues = await page.EvaluateAsync("Array.from(document.querySelectorAll('.card')).map(c => +c.dataset.hue)", cancellationToken);
        var copied = await page.EvaluateAsync(ClickFirstSwatch, cancellationToken);

        Assert.Equal("true", ready.GetProperty("ready").GetString());
        Assert.Equal("1", ready.GetProperty("leftOut").GetString());
        Assert.Contains("1 left out", ready.GetProperty("counts").GetString(), StringComparison.Ordinal);
        Assert.Equal(samples.Length + 1, cards.GetArrayLength());
        Assert.Equal(samples.Length, ready.GetProperty("thumbnails").GetInt32());
        using var screenshot = Image.Load<ImageRgb24>(png);
        foreach (var card in cards.EnumerateArray())
        {
            var name = card.GetProperty("name").GetString()!;
            var tint = Pixel(screenshot, card.GetProperty("tintX"), card.GetProperty("tintY"));
            var swatch = Pixel(screenshot, card.GetProperty("swatchX"), card.GetProperty("swatchY"));
            Assert.True(Near(tint, expectedTints[name]), $"{name}: the card is {tint}, its background is {expectedTints[name]}");
            Assert.True(Near(swatch, card.GetProperty("swatchHex").GetString()!), $"{name}: the first swatch shows {swatch}");
        }

        var sorted = hues.EnumerateArray().Select(h => h.GetDouble()).ToArray();
        Assert.Equal(sorted.Order(), sorted);
        Assert.Equal("Copied " + copied.GetProperty("hex").GetString(), copied.GetProperty("toast").GetString());

        // Loaded without errors, and self-contained: nothing requested but the page itself and its data: images.
        Assert.Empty(page.Problems);
        Assert.Equal(new Uri(sheet).AbsoluteUri, page.RequestedUrls[0]);
        Assert.All(page.RequestedUrls.Skip(1), u => Assert.StartsWith("data:image/", u, StringComparison.Ordinal));
        Assert.Equal(samples.Length + 1, page.RequestedUrls.Count(u => u.StartsWith("data:image/", StringComparison.Ordinal)));
    }

    /// <summary>Waits until every thumbnail in the window has been decoded, then reports what the page shows.</summary>
    private const string WhenThumbnailsShown = """
        (async () => {
          const deadline = Date.now() + 30000;
          const inView = () => Array.from(document.querySelectorAll('.pic img, img.barcode'))
            .filter(i => i.getBoundingClientRect().top < innerHeight);
          while (!inView().every(i => i.complete && i.naturalWidth > 0 && !i.dataset.src)) {
            if (Date.now() > deadline) throw new Error('thumbnails did not load');
            await new Promise(r => setTimeout(r, 50));
          }
          return { ready: document.body.dataset.ready, leftOut: document.getElementById('summary').dataset.leftOut,
                   counts: document.getElementById('counts').textContent,
                   thumbnails: document.querySelectorAll('.pic img').length };
        })()
        """;

    /// <summary>Clicks the first card's first swatch and waits for the page to say what it copied.</summary>
    private const string ClickFirstSwatch = """
        (async () => {
          const sw = document.querySelector('.card .palette .sw'), toast = document.getElementById('toast');
          sw.click();
          const deadline = Date.now() + 10000;
          while (!toast.classList.contains('shown')) {
            if (Date.now() > deadline) throw new Error('nothing was copied');
            await new Promise(r => setTimeout(r, 20));
          }
          return { hex: sw.dataset.hex, toast: toast.textContent };
        })()
        """;

    /// <summary>
    /// For each card: a point in its bottom padding (its tint) and one in its first palette swatch, left of the middle
    /// where an accent's star is drawn, inside its 2-pixel accent frame.
    /// </summary>
    private const string CardLayout = """
        Array.from(document.querySelectorAll('.card')).map(c => {
          const r = c.getBoundingClientRect(), s = c.querySelector('.palette .sw'), q = s.getBoundingClientRect();
          return { name: c.dataset.name, tintX: Math.round(r.left + r.width / 2), tintY: Math.round(r.bottom - 4),
                   swatchX: Math.round(q.left + Math.min(8, q.width / 2)), swatchY: Math.round(q.top + q.height / 2), swatchHex: s.dataset.hex };
        })
        """;

    private static ImageRgb24 Pixel(Image<ImageRgb24> image, JsonElement x, JsonElement y) => image[x.GetInt32(), y.GetInt32()];

    private static bool Near(ImageRgb24 pixel, string hex)
    {
        var r = int.Parse(hex.AsSpan(1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        var g = int.Parse(hex.AsSpan(3, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        var b = int.Parse(hex.AsSpan(5, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        return Math.Abs(pixel.R - r) <= 2 && Math.Abs(pixel.G - g) <= 2 && Math.Abs(pixel.B - b) <= 2;
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "DominantColors.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No DominantColors.sln above {AppContext.BaseDirectory}.");
    }

    private async Task SaveAsync(byte[] png, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "artifacts");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "contact-sheet.png");
        await File.WriteAllBytesAsync(path, png, cancellationToken);
        output.WriteLine($"Screenshot of the contact sheet: {path}");
    }
}
