using DominantColors.Frames;
using DominantColors.Sources.Folder;
using DominantColors.Sources.Tests.Samples;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SixLabors.ImageSharp;
using ImageRgb24 = SixLabors.ImageSharp.PixelFormats.Rgb24;

namespace DominantColors.Sources.Tests.Folder;

/// <summary>
/// The folder source sleeps until its next hold or rescan while nothing changes, and its watcher wakes it for a new
/// picture: waits run on fake time, the folder and its file events are real.
/// </summary>
public sealed class FolderFrameSourcePaceTests : IDisposable
{
    private static readonly TimeSpan FakeStep = TimeSpan.FromMilliseconds(100);
    private readonly TempDirectory _folder = new();
    private readonly FakeTimeProvider _time = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task ReadFrame_NewPictureWhileHoldAndRescanAreAnHourAway_IsShownOnceSettled()
    {
        await using var source = await StartShowingRedAsync(new FolderSourceSettings(_folder.Path)
        {
            Debounce = TimeSpan.FromMilliseconds(200), Hold = TimeSpan.FromHours(1), Rescan = TimeSpan.FromHours(1),
        });

        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var next = source.ReadFrameAsync(stop.Token).AsTask();
        _folder.Write("b.png", Png(20, 40, 210));

        // Only the watcher can bring the picture before the hour: fake time moves in small steps while its event comes.
        var advanced = TimeSpan.Zero;
        while (!next.IsCompleted && !stop.IsCancellationRequested)
        {
            _time.Advance(FakeStep);
            advanced += FakeStep;
            await Task.WhenAny(next, Task.Delay(TimeSpan.FromMilliseconds(20), CancellationToken.None));
        }

        using var frame = await next;
        Assert.Equal(210, frame!.Pixels[2]);
        Assert.True(advanced < TimeSpan.FromMinutes(30), $"shown after {advanced} of fake time: the source slept through the event");
    }

    [Fact]
    public async Task ReadFrame_NewPicture_HandedOnAgainAtEachHoldWhileItSettlesThenHeld()
    {
        await using var source = await StartShowingRedAsync(new FolderSourceSettings(_folder.Path)
        {
            Debounce = TimeSpan.FromMilliseconds(500), Hold = TimeSpan.FromSeconds(1), Settle = TimeSpan.FromSeconds(2.5), Rescan = TimeSpan.FromHours(1),
        });
        Assert.True(source.HoldsLastFrame);

        for (var hold = 0; hold < 2; hold++)
        {
            var next = source.ReadFrameAsync(CancellationToken.None).AsTask();
            _time.Advance(TimeSpan.FromMilliseconds(900));
            Assert.False(next.IsCompleted);
            _time.Advance(TimeSpan.FromMilliseconds(200));
            using var frame = await next.WaitAsync(TimeSpan.FromSeconds(20));
            Assert.Equal(200, frame!.Pixels[0]);
        }

        // Settled: the picture stands without frames (the pipeline holds it), however long nothing changes.
        var held = source.ReadFrameAsync(CancellationToken.None).AsTask();
        for (var step = 0; step < 60; step++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(held, Task.Delay(TimeSpan.FromMilliseconds(5), CancellationToken.None));
        }

        Assert.False(held.IsCompleted, "a settled still picture was handed on again");
        _folder.Write("b.png", Png(20, 20, 210));
        for (var step = 0; step < 100 && !held.IsCompleted; step++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(100));
            await Task.WhenAny(held, Task.Delay(TimeSpan.FromMilliseconds(20), CancellationToken.None));
        }

        using var replaced = await held.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(210, replaced!.Pixels[2]);
    }

    /// <summary>A source on a folder holding one red picture, started, with that first picture read.</summary>
    private async Task<FolderFrameSource> StartShowingRedAsync(FolderSourceSettings settings)
    {
        _folder.Write("a.png", Png(200, 20, 20));
        var source = new FolderFrameSource(settings, 4, 4, _time, NullLogger<FolderFrameSource>.Instance);
        await source.StartAsync(CancellationToken.None);
        using var first = await source.ReadFrameAsync(CancellationToken.None);
        Assert.Equal(200, first!.Pixels[0]);
        return source;
    }

    private static byte[] Png(byte r, byte g, byte b)
    {
        using var image = new Image<ImageRgb24>(4, 4, new ImageRgb24(r, g, b));
        return TestPictures.Png(image);
    }
}
