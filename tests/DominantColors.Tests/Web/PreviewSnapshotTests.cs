using DominantColors.Colors;
using DominantColors.Regions;
using DominantColors.Web.Preview;

namespace DominantColors.Tests.Web;

public sealed class PreviewSnapshotTests
{
    [Fact]
    public void SetFrame_SmallFrame_KeepsPixelsAsTheyAre()
    {
        var pixels = Enumerable.Range(0, 4 * 2 * 3).Select(i => (byte)i).ToArray();
        var snapshot = new PreviewSnapshot();

        snapshot.SetFrame(pixels, 4, 2, sequence: 3, timestamp: 99);

        Assert.Equal((4, 2, 3L, 99L), (snapshot.ThumbnailWidth, snapshot.ThumbnailHeight, snapshot.Sequence, snapshot.Timestamp));
        Assert.Equal(pixels, snapshot.Thumbnail.ToArray());
    }

    [Fact]
    public void SetFrame_LargeFrame_AveragesBlocksToFit()
    {
        // 640x360: a 4x4 block average gives 160x90. Left half red 200, right half alternating 0/100 green columns.
        const int Width = 640, Height = 360;
        var pixels = new byte[Width * Height * 3];
        for (var y = 0; y < Height; y++)
        {
            for (var x = 0; x < Width; x++)
            {
                var o = ((y * Width) + x) * 3;
                pixels[o] = x < Width / 2 ? (byte)200 : (byte)0;
                pixels[o + 1] = x >= Width / 2 && x % 2 == 0 ? (byte)100 : (byte)0;
            }
        }

        var snapshot = new PreviewSnapshot();
        snapshot.SetFrame(pixels, Width, Height, 0, 0);

        Assert.Equal((160, 90), (snapshot.ThumbnailWidth, snapshot.ThumbnailHeight));
        Assert.Equal(new byte[] { 200, 0, 0 }, snapshot.Thumbnail[..3].ToArray());
        Assert.Equal(new byte[] { 0, 50, 0 }, snapshot.Thumbnail[^3..].ToArray());
    }

    [Fact]
    public void SetZone_MorePaletteColorsThanRoom_KeepsTheFirst()
    {
        var colors = Enumerable.Range(0, 20).Select(i => new Rgb24((byte)i, 0, 0)).ToArray();
        var weights = Enumerable.Repeat(0.05f, 20).ToArray();
        var snapshot = new PreviewSnapshot();

        snapshot.SetZoneCount(1);
        snapshot.SetZone(0, "whole", NormalizedRect.Whole, colors, weights);

        Assert.Equal(PreviewSnapshot.MaxColorsPerZone, snapshot.Zone(0).ColorCount);
        Assert.Equal(colors[..PreviewSnapshot.MaxColorsPerZone], snapshot.Zone(0).Colors.ToArray());
    }
}
