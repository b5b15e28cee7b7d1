using DominantColors.Sources.V4l2;
using DominantColors.Testing;

namespace DominantColors.Sources.Tests.V4l2;

public sealed class YuvFrameConverterTests
{
    public static TheoryData<uint, int, int, int, int, int> Layouts()
    {
        var data = new TheoryData<uint, int, int, int, int, int>();
        foreach (var format in new[] { V4l2PixelFormats.Yuyv, V4l2PixelFormats.Uyvy, V4l2PixelFormats.Nv12 })
        {
            var packed = format != V4l2PixelFormats.Nv12;
            data.Add(format, 320, 180, packed ? 640 : 320, 64, 36);
            data.Add(format, 100, 50, (packed ? 200 : 100) + 28, 7, 5);   // uneven boxes, padded lines
            data.Add(format, 6, 4, packed ? 12 : 6, 16, 9);                // more boxes than pixels
            data.Add(format, 40, 600, packed ? 80 : 40, 3, 2);             // 300-row boxes: more than one pass
            data.Add(format, 1920, 1080, packed ? 3840 : 1920, 64, 36);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Convert_RandomBuffer_MatchesReferenceByteForByte(uint format, int sourceWidth, int sourceHeight, int bytesPerLine, int width, int height)
    {
        var converter = new YuvFrameConverter(format, sourceWidth, sourceHeight, bytesPerLine, width, height);
        var source = new byte[converter.RequiredBytes];
        new Random(sourceWidth * 31 + height).NextBytes(source);
        var rgb = new byte[width * height * 3];

        converter.Convert(source, rgb);

        Assert.Equal(ReferenceYuvConverter.Convert(source, format, sourceWidth, sourceHeight, bytesPerLine, width, height), rgb);
    }

    [Theory]
    [InlineData(16, 128, 128, 0, 0, 0)]
    [InlineData(235, 128, 128, 255, 255, 255)]
    [InlineData(81, 90, 240, 255, 0, 0)]
    [InlineData(145, 54, 34, 0, 255, 0)]
    [InlineData(41, 240, 110, 0, 0, 255)]
    public void Convert_SolidLimitedRangeYuyv_GivesTheBt601Color(byte y, byte u, byte v, byte r, byte g, byte b)
    {
        var converter = new YuvFrameConverter(V4l2PixelFormats.Yuyv, 64, 36, 128, 4, 3);
        var source = new byte[converter.RequiredBytes];
        for (var i = 0; i < source.Length; i += 4)
        {
            (source[i], source[i + 1], source[i + 2], source[i + 3]) = (y, u, y, v);
        }

        var rgb = new byte[4 * 3 * 3];
        converter.Convert(source, rgb);

        for (var i = 0; i < rgb.Length; i += 3)
        {
            Assert.InRange(rgb[i], Math.Max(0, r - 1), Math.Min(255, r + 1));
            Assert.InRange(rgb[i + 1], Math.Max(0, g - 1), Math.Min(255, g + 1));
            Assert.InRange(rgb[i + 2], Math.Max(0, b - 1), Math.Min(255, b + 1));
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(10)]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    [InlineData(14)]
    [InlineData(15)]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(3840)]
    public void AddRow_VectorAndScalar_GiveTheSameSums(int length)
    {
        var row = new byte[length];
        new Random(length).NextBytes(row);
        var vector = new ushort[length];
        var scalar = new ushort[length];
        for (var i = 0; i < 257; i++)
        {
            YuvFrameConverter.AddRow(row, vector, vectorized: true);
            YuvFrameConverter.AddRow(row, scalar, vectorized: false);
        }

        Assert.Equal(scalar, vector);
        Assert.Equal(row[^1] * 257, vector[^1]);
    }

    [Fact]
    public void Convert_SteadyState_AllocatesNothing()
    {
        var converter = new YuvFrameConverter(V4l2PixelFormats.Yuyv, 1920, 1080, 3840, 64, 36);
        var source = new byte[converter.RequiredBytes];
        var rgb = new byte[64 * 36 * 3];

        Assert.Equal(0, SteadyStateAllocation.LeastPerRound(_ => converter.Convert(source, rgb), callsPerRound: 20));
    }

    [Theory]
    [InlineData(V4l2PixelFormats.Yuyv, 641, 360)]
    [InlineData(V4l2PixelFormats.Nv12, 640, 361)]
    [InlineData(V4l2PixelFormats.Mjpeg, 640, 360)]
    public void Constructor_UnconvertibleLayout_ThrowsNotSupported(uint format, int width, int height)
    {
        Assert.Throws<NotSupportedException>(() => new YuvFrameConverter(format, width, height, width * 2, 64, 36));
    }
}
