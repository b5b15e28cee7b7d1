using DominantColors.Sources.Decoders;
using DominantColors.Sources.Tests.Samples;

namespace DominantColors.Sources.Tests.Decoders;

public sealed class RawRgbFileReaderTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void ReadFrame_TwoFrames_GivesBothThenEnds()
    {
        byte[] first = [1, 2, 3, 4, 5, 6];
        byte[] second = [7, 8, 9, 10, 11, 12];
        var path = _folder.Write("two.rgb", [.. first, .. second]);
        using var reader = RawRgbFileReader.Open(path, width: 2, height: 1, maxPixels: 100);

        Assert.Equal(2, reader.FrameCount);
        Assert.True(reader.ReadFrame());
        Assert.Equal(first, reader.Pixels.ToArray());
        Assert.True(reader.ReadFrame());
        Assert.Equal(second, reader.Pixels.ToArray());
        Assert.Equal(1, reader.FrameIndex);
        Assert.False(reader.ReadFrame());
    }

    [Fact]
    public async Task ReadFrame_FfmpegRawOutput_MatchesTheColor()
    {
        var path = Path.Combine(_folder.Path, "green.rgb");
        await TestVideos.RunAsync("-f", "lavfi", "-i", "color=c=0x00ff00:s=8x4:r=1:d=1,format=rgb24", "-pix_fmt", "rgb24", "-f", "rawvideo", path);
        using var reader = RawRgbFileReader.Open(path, 8, 4, 100);

        Assert.True(reader.ReadFrame());

        Assert.Equal([0, 255, 0], reader.Pixels[..3].ToArray());
    }

    [Fact]
    public void Open_PartialFrame_ThrowsWithSizes()
    {
        var path = _folder.Write("short.rgb", new byte[10]);

        var error = Assert.Throws<UnreadableInputException>(() => RawRgbFileReader.Open(path, 2, 2, 100));

        Assert.Contains("2x2", error.Message, StringComparison.Ordinal);
        Assert.Contains("12 bytes each", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_Empty_Throws()
    {
        var path = _folder.Write("empty.rgb", []);

        var error = Assert.Throws<UnreadableInputException>(() => RawRgbFileReader.Open(path, 2, 2, 100));

        Assert.Contains("empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_OverPixelGuard_ThrowsBeforeReading()
    {
        var path = _folder.Write("big.rgb", new byte[3]);

        var error = Assert.Throws<UnreadableInputException>(() => RawRgbFileReader.Open(path, 50_000, 50_000, 100_000_000));

        Assert.Contains("50000x50000", error.Message, StringComparison.Ordinal);
    }
}
