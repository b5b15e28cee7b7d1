using DominantColors.Frames;

namespace DominantColors.Core.Tests.Frames;

public sealed class Rgb24ImageTests
{
    [Fact]
    public void Row_WithPaddedStride_ReturnsOnlyThePixels()
    {
        byte[] pixels = [1, 2, 3, 4, 5, 6, 99, 7, 8, 9, 10, 11, 12, 99];

        var image = new Rgb24Image(pixels, 2, 2, 7);

        Assert.Equal(new byte[] { 7, 8, 9, 10, 11, 12 }, image.Row(1).ToArray());
    }

    [Fact]
    public void Slice_Rectangle_SharesPixelsWithoutCopying()
    {
        var pixels = new byte[4 * 3 * 3];
        pixels[((1 * 4) + 2) * 3] = 200;
        var image = new Rgb24Image(pixels, 4, 3);

        var slice = image.Slice(2, 1, 2, 2);

        Assert.Equal(2, slice.Width);
        Assert.Equal(2, slice.Height);
        Assert.Equal(12, slice.Stride);
        Assert.Equal(200, slice.Row(0)[0]);
        Assert.True(System.Runtime.CompilerServices.Unsafe.AreSame(
            ref System.Runtime.InteropServices.MemoryMarshal.GetReference(slice.Row(0)), ref pixels[18]));
    }

    [Fact]
    public void Constructor_BufferTooShort_ThrowsNamingTheSizes()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Rgb24Image(new byte[10], 2, 2));

        Assert.Contains("2x2", ex.Message, StringComparison.Ordinal);
        Assert.Contains("12 bytes", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_StrideShorterThanRow_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new Rgb24Image(new byte[100], 4, 2, 11));

    [Fact]
    public void Constructor_ZeroByZero_IsEmpty()
    {
        var image = new Rgb24Image([], 0, 0);

        Assert.True(image.IsEmpty);
        Assert.True(image.Slice(0, 0, 0, 0).IsEmpty);
    }

    [Fact]
    public void Slice_OutsideTheImage_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new Rgb24Image(new byte[12], 2, 2).Slice(1, 1, 2, 1));

    [Fact]
    public void FromFrame_Frame_SeesItsPixels()
    {
        using var frame = Frame.Create(3, 2);
        frame.PixelsToWrite[^1] = 42;

        Rgb24Image image = frame;

        Assert.Equal(3, image.Width);
        Assert.Equal(42, image.Row(1)[^1]);
    }
}
