using System.Globalization;
using DominantColors.Tests.Samples;
using DominantColors.Tests.Web.Browser;
using Xunit.Abstractions;

namespace DominantColors.Tests.Extract;

/// <summary>
/// The figure for docs/performance.md's 2 000-card row: a contact sheet of 2 000 detailed pictures (640x480 JPEG
/// frames of ffmpeg's <c>mandelbrot</c>, so its thumbnails are large) opened in headless Chromium, timed by the page
/// itself from navigation start to its load event and to the first screen's thumbnails decoded. Not a gate: the
/// machine's load sets it. <c>DC_SHEET_PICTURES</c> changes the count.
/// </summary>
[Trait("category", "measurement")]
public sealed class ContactSheetMeasurements(ITestOutputHelper output) : IDisposable
{
    private readonly TestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task ContactSheet_TwoThousandPictures_OpenTimeInChromium()
    {
        var count = int.TryParse(Environment.GetEnvironmentVariable("DC_SHEET_PICTURES"), CultureInfo.InvariantCulture, out var n) ? n : 2000;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(20));
        var cancellationToken = timeout.Token;
        var pictures = Directory.CreateDirectory(_folder.Combine("pictures")).FullName;
        await TestFolder.FfmpegAsync(
            "-f", "lavfi", "-i", "mandelbrot=size=640x480:rate=25", "-frames:v", count.ToString(CultureInfo.InvariantCulture),
            "-q:v", "3", Path.Combine(pictures, "m%05d.jpg"));
        var sheet = _folder.Combine("sheet.html");
        var run = await ExtractRun.RunAsync(["--format", "json", "--html", sheet, pictures]);
        Assert.Equal(0, run.ExitCode);

        var load = File.ReadAllText("/proc/loadavg").Split(' ')[0];
        await using var chromium = await HeadlessChromium.OpenAsync(new Uri(sheet), cancellationToken);
        var shown = await chromium.Page.EvaluateAsync(FirstScreenShown, cancellationToken);

        var cards = shown.GetProperty("cards").GetInt32();
        var loaded = shown.GetProperty("loadedMs").GetString();
        var firstScreen = shown.GetProperty("shownMs").GetDouble();
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{cards} cards, page {new FileInfo(sheet).Length / 1e6:0.0} MB: load event at {loaded} ms, first screen shown by {firstScreen:0} ms"));
        output.WriteLine($"(after navigation start; load average {load} on {Environment.ProcessorCount} cores)");
        Assert.Equal(count, cards);
        Assert.Empty(chromium.Page.Problems);
    }

    /// <summary>
    /// Waits until the thumbnails in the window are decoded; reports when that was and when the page loaded. Only the
    /// first cards can be in the window at open, so only those are looked at: measuring every card's place would lay
    /// out the 2 000 cards the page skips until they scroll into view, and time that instead.
    /// </summary>
    private const string FirstScreenShown = """
        (async () => {
          const deadline = Date.now() + 120000;
          const first = Array.from(document.querySelectorAll('.pic img')).slice(0, 30);
          const inView = () => first.filter(i => i.getBoundingClientRect().top < innerHeight);
          while (!document.body.dataset.loadedMs || !inView().every(i => i.complete && i.naturalWidth > 0 && !i.dataset.src)) {
            if (Date.now() > deadline) throw new Error('the first screen did not show');
            await new Promise(r => requestAnimationFrame(r));
          }
          return { cards: document.querySelectorAll('.card').length, loadedMs: document.body.dataset.loadedMs, shownMs: performance.now() };
        })()
        """;
}
