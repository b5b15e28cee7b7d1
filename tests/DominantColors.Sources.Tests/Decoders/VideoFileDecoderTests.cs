using System.Text;
using DominantColors.Sources.Decoders;
using DominantColors.Sources.Tests.Samples;

namespace DominantColors.Sources.Tests.Decoders;

public sealed class VideoFileDecoderTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task ReadFrameAsync_LosslessVideo_GivesEveryFrameInOrderWithTimes()
    {
        var path = await TestVideos.RedThenBlueAsync(_folder.Path, redFrames: 3, blueFrames: 2);
        await using var decoder = VideoFileDecoder.Start(path, maxPixels: 10_000);

        var frames = new List<(long Index, double? Pts, byte[] FirstPixel, int Width, int Height)>();
        while (await decoder.ReadFrameAsync(CancellationToken.None))
        {
            frames.Add((decoder.FrameIndex, decoder.PtsSeconds, decoder.Pixels[..3].ToArray(), decoder.Width, decoder.Height));
            Assert.Equal(decoder.Width * decoder.Height * 3, decoder.Pixels.Length);
        }

        Assert.Equal([0L, 1, 2, 3, 4], frames.Select(f => f.Index));
        Assert.Equal([0.0, 0.1, 0.2, 0.3, 0.4], frames.Select(f => Math.Round(f.Pts!.Value, 3)));
        Assert.All(frames, f => Assert.Equal((64, 36), (f.Width, f.Height)));
        Assert.All(frames.Take(3), f => Assert.Equal([255, 0, 0], f.FirstPixel));
        Assert.All(frames.Skip(3), f => Assert.Equal([0, 0, 255], f.FirstPixel));
    }

    [Fact]
    public async Task ReadFrameAsync_AfterEnd_KeepsReturningFalse()
    {
        var path = await TestVideos.RedThenBlueAsync(_folder.Path, redFrames: 1, blueFrames: 1);
        await using var decoder = VideoFileDecoder.Start(path, maxPixels: 10_000);

        while (await decoder.ReadFrameAsync(CancellationToken.None))
        {
        }

        Assert.False(await decoder.ReadFrameAsync(CancellationToken.None));
        Assert.Equal(1, decoder.FrameIndex);
    }

    [Fact]
    public async Task ReadFrameAsync_TextFileNamedMp4_ThrowsWithFfmpegReason()
    {
        var path = _folder.Write("notes.mp4", Encoding.UTF8.GetBytes("not a video at all\n"));
        await using var decoder = VideoFileDecoder.Start(path, maxPixels: 10_000);

        var error = await Assert.ThrowsAsync<UnreadableInputException>(() => decoder.ReadFrameAsync(CancellationToken.None).AsTask());

        Assert.Contains("ffmpeg could not play it", error.Message, StringComparison.Ordinal);
        Assert.Contains("Invalid data", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadFrameAsync_FrameOverPixelGuard_Throws()
    {
        var path = await TestVideos.RedThenBlueAsync(_folder.Path);
        await using var decoder = VideoFileDecoder.Start(path, maxPixels: 1000);

        var error = await Assert.ThrowsAsync<UnreadableInputException>(() => decoder.ReadFrameAsync(CancellationToken.None).AsTask());

        Assert.Contains("64x36", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_MissingFfmpeg_ThrowsNamingIt()
    {
        var path = await TestVideos.RedThenBlueAsync(_folder.Path);

        var error = Assert.Throws<UnreadableInputException>(() => VideoFileDecoder.Start(path, 10_000, ffmpeg: "/nonexistent/ffmpeg"));

        Assert.Contains("/nonexistent/ffmpeg", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[Parsed_showinfo_0 @ 0x55cd] n:   3 pts:   3072 pts_time:0.3     pos:      816 fmt:yuv420p sar:1/1 s:64x48 i:P iskey:0 type:B ", 3, 0.3, 64, 48)]
    [InlineData("[Parsed_showinfo_0 @ 0x1] n:12 pts:NOPTS pts_time:NOPTS pos: -1 fmt:rgb24 sar:0/1 s:1920x1080 i:P", 12, null, 1920, 1080)]
    public void ShowInfoLine_FrameLine_Parses(string line, long index, double? pts, int width, int height)
    {
        Assert.True(ShowInfoLine.TryParse(line, out var info));

        Assert.Equal(new ShowInfoLine(index, pts, width, height), info);
    }

    [Theory]
    [InlineData("[Parsed_showinfo_0 @ 0x55cd] config in time_base: 1/10240, frame_rate: 10/1")]
    [InlineData("[Parsed_showinfo_0 @ 0x55cd] color_range:unknown color_space:unknown")]
    [InlineData("Stream #0:0 -> #0:0 (h264 (native) -> rawvideo (native))")]
    public void ShowInfoLine_OtherLine_IsNotAFrame(string line) => Assert.False(ShowInfoLine.TryParse(line, out _));
}
