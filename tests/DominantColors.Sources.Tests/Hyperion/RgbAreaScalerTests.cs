using DominantColors.Sources.Hyperion;
using DominantColors.Testing.Hyperion;

namespace DominantColors.Sources.Tests.Hyperion;

public sealed class RgbAreaScalerTests
{
    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    public void Scale_TwoByTwoToOne_RoundsTheMean(int bytesPerPixel)
    {
        var source = new byte[4 * bytesPerPixel];
        byte[][] pixels = [[10, 0, 255], [11, 0, 255], [10, 100, 0], [10, 101, 0]];
        for (var i = 0; i < 4; i++)
        {
            pixels[i].CopyTo(source, i * bytesPerPixel);
        }

        var rgb = new byte[3];
        new RgbAreaScaler(1, 1).Scale(source, 2, 2, bytesPerPixel, rgb);

        // Means 10.25, 50.25, 127.5: rounded half up.
        Assert.Equal(new byte[] { 10, 50, 128 }, rgb);
    }

    [Fact]
    public void Scale_SmallerThanTheFrame_RepeatsEachSourcePixel()
    {
        byte[] source = [255, 0, 0, 0, 0, 255];
        var rgb = new byte[4 * 2 * 3];

        new RgbAreaScaler(4, 2).Scale(source, 2, 1, 3, rgb);

        Assert.Equal(new byte[] { 255, 0, 0, 255, 0, 0, 0, 0, 255, 0, 0, 255, 255, 0, 0, 255, 0, 0, 0, 0, 255, 0, 0, 255 }, rgb);
    }

    [Fact]
    public void Scale_BoxTallerThanOnePass_AveragesAllRows()
    {
        // 600 rows into one: three passes of ushort sums (257 rows each at most); top half 200, bottom half 100.
        var source = new byte[600 * 3];
        source.AsSpan(0, 900).Fill(200);
        source.AsSpan(900).Fill(100);
        var rgb = new byte[3];

        new RgbAreaScaler(1, 1).Scale(source, 1, 600, 3, rgb);

        Assert.Equal(new byte[] { 150, 150, 150 }, rgb);
    }

    [Fact]
    public void Scale_SizesChangingBetweenCalls_EachScaledOnItsOwn()
    {
        var scaler = new RgbAreaScaler(2, 1);
        var rgb = new byte[6];

        scaler.Scale(HyperionRequests.Solid(40, 10, 1, 2, 3), 40, 10, 3, rgb);
        Assert.Equal(new byte[] { 1, 2, 3, 1, 2, 3 }, rgb);
        scaler.Scale(HyperionRequests.Solid(6, 3, 9, 8, 7, 4), 6, 3, 4, rgb);
        Assert.Equal(new byte[] { 9, 8, 7, 9, 8, 7 }, rgb);
    }

    [Fact]
    public void Scale_DataShorterThanThePicture_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new RgbAreaScaler(2, 2).Scale(new byte[11], 2, 2, 3, new byte[12]));

        Assert.Contains("needs 12 bytes", error.Message, StringComparison.Ordinal);
    }
}
