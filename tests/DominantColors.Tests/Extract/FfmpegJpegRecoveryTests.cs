using System.Diagnostics;
using DominantColors.Extract;
using DominantColors.Tests.Samples;

namespace DominantColors.Tests.Extract;

/// <summary>
/// The ffmpeg JPEG lanes when ffmpeg goes away or gives up, with real ffmpeg: the picture at hand still gets the
/// ImageSharp result, and the pictures after it go through a fresh ffmpeg.
/// </summary>
#pragma warning disable CA1001 // Disposed in IAsyncLifetime.DisposeAsync, which xunit calls (xunit 2 ignores IAsyncDisposable).
public sealed class FfmpegJpegRecoveryTests : IAsyncLifetime
#pragma warning restore CA1001
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly TestFolder _folder = new();
    private readonly InputProcessor _fast = new(new ExtractSettings { JpegDecoder = JpegDecoderKind.Ffmpeg }, TimeProvider.System);
    private readonly InputProcessor _full = new(new ExtractSettings(), TimeProvider.System);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _fast.DisposeAsync();
        await _full.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task ProcessAsync_FfmpegKilledBetweenPictures_ThatPictureFallsBackAndANewFfmpegTakesTheRest()
    {
        var files = Enumerable.Range(0, 3).Select(i => Input($"{i}.jpg", PhotoJpegs.Get(i))).ToArray();
        var lanes = _fast.JpegLanes!;

        Assert.Null((await ProcessAsync(_fast, files[0])).Error);
        var first = Assert.Single(lanes.RunningProcessIds);
        using (var ffmpeg = Process.GetProcessById(first))
        {
            ffmpeg.Kill();
            await ffmpeg.WaitForExitAsync().WaitAsync(Timeout);
        }

        var afterKill = await ProcessAsync(_fast, files[1]);
        var next = await ProcessAsync(_fast, files[2]);

        // The picture that met the dead ffmpeg is decoded by ImageSharp: exactly the default decode's palette.
        Assert.Equal(Colors(await ProcessAsync(_full, files[1])), Colors(afterKill));
        Assert.Null(next.Error);
        Assert.Equal(2, lanes.Started);
        Assert.NotEqual(first, Assert.Single(lanes.RunningProcessIds));
    }

    [Fact]
    public async Task ProcessAsync_DamagedPixelData_SameOutcomeAsImageSharpAndFfmpegRestartedForTheNext()
    {
        var damaged = Input("damaged.jpg", PhotoJpegs.WithDamagedPixelData(5));
        var good = Input("good.jpg", PhotoJpegs.Get(6));
        var lanes = _fast.JpegLanes!;

        var fast = await ProcessAsync(_fast, damaged);
        Assert.Empty(lanes.RunningProcessIds);
        var afterwards = await ProcessAsync(_fast, good);

        var full = await ProcessAsync(_full, damaged);
        Assert.Equal(full.Error, fast.Error);
        Assert.Equal(Colors(full), Colors(fast));
        Assert.Null(afterwards.Error);
        Assert.Equal(2, lanes.Started);
        Assert.Single(lanes.RunningProcessIds);
    }

    private InputFile Input(string name, byte[] bytes)
    {
        var path = _folder.Write(name, bytes);
        return new InputFile(path, path);
    }

    private static async Task<InputOutcome> ProcessAsync(InputProcessor processor, InputFile input) =>
        await processor.ProcessAsync(input, CancellationToken.None).WaitAsync(Timeout);

    private static string[] Colors(InputOutcome outcome) =>
        [.. outcome.Palettes.SelectMany(record => record.Colors.Select(entry => entry.Hex))];
}
