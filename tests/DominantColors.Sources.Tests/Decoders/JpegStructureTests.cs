using DominantColors.Sources.Decoders;
using DominantColors.Sources.Tests.Samples;

namespace DominantColors.Sources.Tests.Decoders;

public sealed class JpegStructureTests
{
    private static byte[] Whole()
    {
        using var picture = TestPictures.Noise(48, 40, seed: 7);
        return TestPictures.Jpeg(picture);
    }

    [Fact]
    public void IsComplete_WholeFile_ReturnsTrue() => Assert.True(JpegStructure.IsComplete(Whole()));

    [Fact]
    public void IsComplete_TrailerAfterEndMarker_ReturnsTrue()
    {
        byte[] trailer = [0x00, 0x00, 0x66, 0x74, 0x79, 0x70];

        Assert.True(JpegStructure.IsComplete([.. Whole(), .. trailer]));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(100)]
    [InlineData(-2)]
    [InlineData(-300)]
    public void IsComplete_Truncated_ReturnsFalse(int cut)
    {
        var bytes = Whole();
        var length = cut > 0 ? cut : bytes.Length + cut;

        Assert.False(JpegStructure.IsComplete(bytes.AsSpan(0, length)));
    }

    [Fact]
    public void IsComplete_NotJpeg_ReturnsFalse() => Assert.False(JpegStructure.IsComplete("GIF89a..."u8));

    [Fact]
    public void ImageLength_TrailerAfterEndMarker_EndsAfterTheMarker()
    {
        var whole = Whole();

        Assert.Equal(whole.Length, JpegStructure.ImageLength([.. whole, 0x00, 0x00, 0x66, 0x74]));
        Assert.Equal(0, JpegStructure.ImageLength(whole.AsSpan(0, whole.Length - 2)));
    }
}
