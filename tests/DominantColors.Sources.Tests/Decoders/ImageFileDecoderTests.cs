using System.Text;
using DominantColors.Sources.Decoders;
using DominantColors.Sources.Tests.Samples;

namespace DominantColors.Sources.Tests.Decoders;

public sealed class ImageFileDecoderTests : IDisposable
{
    private readonly TempDirectory _folder = new();
    private readonly ImageFileDecoder _decoder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Decode_Png_ReturnsExactPixels()
    {
        using var picture = TestPictures.Halves(8, 3);
        var file = _folder.Write("halves.png", TestPictures.Png(picture));

        using var image = _decoder.Decode(file);

        Assert.Equal(8, image.Width);
        Assert.Equal(3, image.Height);
        Assert.Equal(24, image.Stride);
        Assert.Equal(8 * 3 * 3, image.Pixels.Length);
        Assert.Equal([255, 0, 0], image.Pixels[..3].ToArray());
        Assert.Equal([0, 0, 255], image.Pixels.Slice(image.Stride * 2 + 7 * 3, 3).ToArray());
    }

    [Fact]
    public void Decode_Jpeg_ReturnsCloseColors()
    {
        using var picture = TestPictures.Halves(32, 16);
        var file = _folder.Write("halves.jpg", TestPictures.Jpeg(picture));

        using var image = _decoder.Decode(file);

        Assert.Equal(32, image.Width);
        Assert.Equal(16, image.Height);
        var firstPixel = image.Pixels[..3];
        Assert.InRange(firstPixel[0], 230, 255);
        Assert.InRange(firstPixel[2], 0, 25);
    }

    [Fact]
    public void Decode_PngWithJpegExtension_DecodesByContent()
    {
        using var picture = TestPictures.Halves(4, 4);
        var file = _folder.Write("really-a-png.jpg", TestPictures.Png(picture));

        using var image = _decoder.Decode(file);

        Assert.Equal([255, 0, 0], image.Pixels[..3].ToArray());
    }

    [Fact]
    public void Decode_EmptyFile_ThrowsEmpty()
    {
        var file = _folder.Write("empty.png", []);

        var error = Assert.Throws<UnreadableInputException>(() => _decoder.Decode(file));

        Assert.Contains("empty", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("notes.txt")]
    [InlineData("notes.jpg")]
    public void Decode_TextFile_ThrowsNotAPicture(string name)
    {
        var file = _folder.Write(name, Encoding.UTF8.GetBytes("hello, these are not pixels\n"));

        var error = Assert.Throws<UnreadableInputException>(() => _decoder.Decode(file));

        Assert.StartsWith("not a picture", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_TruncatedPng_Throws()
    {
        using var picture = TestPictures.Noise(64, 64, seed: 1);
        var bytes = TestPictures.Png(picture);
        var file = _folder.Write("truncated.png", bytes[..(bytes.Length / 2)]);

        var error = Assert.Throws<UnreadableInputException>(() => _decoder.Decode(file));

        Assert.Contains("PNG", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_TruncatedJpeg_Throws()
    {
        using var picture = TestPictures.Noise(64, 64, seed: 2);
        var bytes = TestPictures.Jpeg(picture);
        var file = _folder.Write("truncated.jpg", bytes[..(bytes.Length / 2)]);

        var error = Assert.Throws<UnreadableInputException>(() => _decoder.Decode(file));

        Assert.Contains("JPEG", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_CorruptPngData_Throws()
    {
        using var picture = TestPictures.Noise(64, 64, seed: 3);
        var bytes = TestPictures.Png(picture);
        for (var i = 100; i < bytes.Length - 20; i += 7)
        {
            bytes[i] ^= 0x5A;
        }

        var file = _folder.Write("corrupt.png", bytes);

        Assert.Throws<UnreadableInputException>(() => _decoder.Decode(file));
    }

    [Fact]
    public void Decode_CorruptJpegHeader_Throws()
    {
        using var picture = TestPictures.Noise(64, 64, seed: 4);
        var bytes = TestPictures.Jpeg(picture);
        bytes.AsSpan(2, 200).Fill(0xFF);
        var file = _folder.Write("corrupt.jpg", bytes);

        Assert.Throws<UnreadableInputException>(() => _decoder.Decode(file));
    }

    [Theory]
    [InlineData("bomb.png")]
    [InlineData("bomb.jpg")]
    public void Decode_HugeHeader_RefusesWithoutAllocating(string name)
    {
        var bytes = name.EndsWith(".png", StringComparison.Ordinal)
            ? TestPictures.PngBomb(50_000, 50_000)
            : TestPictures.JpegBomb(50_000, 50_000);
        var file = _folder.Write(name, bytes);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.Throws<UnreadableInputException>(() => _decoder.Decode(file));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Contains("50000x50000", error.Message, StringComparison.Ordinal);
        Assert.Contains("--max-pixels", error.Message, StringComparison.Ordinal);
        Assert.True(allocated < 4 * 1024 * 1024, $"refusing the header allocated {allocated:N0} bytes");
    }

    [Fact]
    public void Decode_OverCustomLimit_Throws()
    {
        using var picture = TestPictures.Halves(20, 10);
        var file = _folder.Write("small.png", TestPictures.Png(picture));
        var strict = new ImageFileDecoder(maxPixels: 199);

        var error = Assert.Throws<UnreadableInputException>(() => strict.Decode(file));

        Assert.Contains("20x10", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IsImage_PngAndText_TellsThemApart()
    {
        using var picture = TestPictures.Halves(4, 4);
        var png = _folder.Write("a.dat", TestPictures.Png(picture));
        var text = _folder.Write("b.png", Encoding.UTF8.GetBytes("text"));

        Assert.True(_decoder.IsImage(png));
        Assert.False(_decoder.IsImage(text));
    }
}
