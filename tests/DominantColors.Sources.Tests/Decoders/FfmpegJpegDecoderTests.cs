using System.ComponentModel;
using System.Diagnostics;
using DominantColors.Sources.Decoders;
using DominantColors.Sources.Tests.Samples;
using SixLabors.ImageSharp;
using ImageRgb24 = SixLabors.ImageSharp.PixelFormats.Rgb24;

namespace DominantColors.Sources.Tests.Decoders;

/// <summary>The long-lived ffmpeg JPEG decoder against real ffmpeg: frames per picture, failures, a killed ffmpeg.</summary>
#pragma warning disable CA1001 // Disposed in IAsyncLifetime.DisposeAsync, which xunit calls (xunit 2 ignores IAsyncDisposable).
public sealed class FfmpegJpegDecoderTests : IAsyncLifetime
#pragma warning restore CA1001
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly FfmpegJpegDecoder _decoder = new("ffmpeg", TimeSpan.FromSeconds(20), TimeProvider.System);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _decoder.DisposeAsync();

    [Fact]
    public async Task TryDecodeAsync_SolidJpegs_EachFrameComesBackBeforeTheNextIsSent()
    {
        var orange = Solid(new ImageRgb24(230, 120, 20));
        var teal = Solid(new ImageRgb24(20, 140, 150));

        Assert.True(await _decoder.TryDecodeAsync(orange, CancellationToken.None).AsTask().WaitAsync(Timeout));
        AssertFrameIs(230, 120, 20);
        Assert.True(await _decoder.TryDecodeAsync(teal, CancellationToken.None).AsTask().WaitAsync(Timeout));
        AssertFrameIs(20, 140, 150);
        Assert.Equal(1, _decoder.Starts);
    }

    [Fact]
    public async Task TryDecodeAsync_NotDecodable_FalseWithFfmpegsReasonAndTheNextStartsAFreshFfmpeg()
    {
        byte[] garbage = [0xFF, 0xD8, .. Enumerable.Repeat((byte)0x11, 5000), 0xFF, 0xD9];

        Assert.False(await _decoder.TryDecodeAsync(garbage, CancellationToken.None).AsTask().WaitAsync(Timeout));
        Assert.StartsWith("ffmpeg", _decoder.LastFailure, StringComparison.Ordinal);
        Assert.Null(_decoder.ProcessId);
        Assert.True(await _decoder.TryDecodeAsync(Solid(new ImageRgb24(0, 0, 255)), CancellationToken.None).AsTask().WaitAsync(Timeout));
        AssertFrameIs(0, 0, 255);
        Assert.Equal(2, _decoder.Starts);
    }

    [Fact]
    public async Task TryDecodeAsync_FfmpegKilled_ThatPictureFailsAndTheNextStartsAnother()
    {
        var red = Solid(new ImageRgb24(255, 0, 0));
        Assert.True(await _decoder.TryDecodeAsync(red, CancellationToken.None).AsTask().WaitAsync(Timeout));
        var first = _decoder.ProcessId!.Value;
        using (var process = Process.GetProcessById(first))
        {
            process.Kill();
            await process.WaitForExitAsync().WaitAsync(Timeout);
        }

        Assert.False(await _decoder.TryDecodeAsync(red, CancellationToken.None).AsTask().WaitAsync(Timeout));
        Assert.True(await _decoder.TryDecodeAsync(Solid(new ImageRgb24(0, 255, 0)), CancellationToken.None).AsTask().WaitAsync(Timeout));
        AssertFrameIs(0, 255, 0);
        Assert.Equal(2, _decoder.Starts);
        Assert.NotEqual(first, _decoder.ProcessId);
    }

    [Fact]
    public async Task TryDecodeAsync_NoFrameWithinTheTimeout_FalseAndEveryPictureAfterGetsItsOwnTimeout()
    {
        // ffmpeg cannot even start in a millisecond, so both pictures run out of time.
        await using var decoder = new FfmpegJpegDecoder("ffmpeg", TimeSpan.FromMilliseconds(1), TimeProvider.System);
        var picture = Solid(new ImageRgb24(9, 9, 9));

        for (var i = 0; i < 2; i++)
        {
            Assert.False(await decoder.TryDecodeAsync(picture, CancellationToken.None).AsTask().WaitAsync(Timeout));
            Assert.Equal("ffmpeg gave no frame within 0 s", decoder.LastFailure);
            Assert.Null(decoder.ProcessId);
        }

        Assert.Equal(2, decoder.Starts);
    }

    [Fact]
    public async Task TryDecodeAsync_Cancelled_ThrowsAndStopsFfmpeg()
    {
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await _decoder.TryDecodeAsync(Solid(new ImageRgb24(1, 1, 1)), cancel.Token));
        Assert.Null(_decoder.ProcessId);
        Assert.True(await _decoder.TryDecodeAsync(Solid(new ImageRgb24(200, 0, 0)), CancellationToken.None).AsTask().WaitAsync(Timeout));
        AssertFrameIs(200, 0, 0);
    }

    [Fact]
    public async Task TryDecodeAsync_NoFfmpeg_ThrowsWin32Exception()
    {
        await using var decoder = new FfmpegJpegDecoder("/nonexistent/ffmpeg", Timeout, TimeProvider.System);

        await Assert.ThrowsAsync<Win32Exception>(async () => await decoder.TryDecodeAsync(Solid(new ImageRgb24(1, 2, 3)), CancellationToken.None));
    }

    private static byte[] Solid(ImageRgb24 color)
    {
        using var image = new Image<ImageRgb24>(512, 384, color);
        return TestPictures.Jpeg(image, quality: 95);
    }

    private void AssertFrameIs(int r, int g, int b)
    {
        var frame = _decoder.Frame;
        Assert.Equal(FfmpegJpegDecoder.FrameBytes, frame.Length);
        for (var i = 0; i < frame.Length; i += 3)
        {
            if (Math.Abs(frame[i] - r) > 4 || Math.Abs(frame[i + 1] - g) > 4 || Math.Abs(frame[i + 2] - b) > 4)
            {
                Assert.Fail($"Pixel {i / 3} is ({frame[i]}, {frame[i + 1]}, {frame[i + 2]}), not about ({r}, {g}, {b}).");
            }
        }
    }
}
