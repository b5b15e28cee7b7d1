using DominantColors.Frames;
using DominantColors.Regions;

namespace DominantColors.Core.Tests.Regions;

public sealed class ZoneTests
{
    private static readonly PixelRect Letterbox = new(0, 5, 64, 27);

    [Theory]
    [InlineData("whole", 0f, 0f, 1f, 1f)]
    [InlineData("left", 0f, 0f, 0.25f, 1f)]
    [InlineData("right", 0.75f, 0f, 0.25f, 1f)]
    [InlineData("top", 0f, 0f, 1f, 0.25f)]
    [InlineData("bottom", 0f, 0.75f, 1f, 0.25f)]
    [InlineData("center", 0.25f, 0.25f, 0.5f, 0.5f)]
    [InlineData(" Left ", 0f, 0f, 0.25f, 1f)]
    public void Parse_PresetName_ReturnsDocumentedFractions(string name, float x, float y, float width, float height)
    {
        var zone = Zone.Parse(name);

        Assert.Equal(Zone.Create(x, y, width, height), zone);
    }

    [Fact]
    public void TryParse_UnknownName_ErrorNamesItAndListsPresets()
    {
        var ok = Zone.TryParse("middle", out _, out var error);

        Assert.False(ok);
        Assert.Equal("unknown zone 'middle'; allowed: whole | left | right | top | bottom | center, or {x, y, width, height} in 0..1", error);
    }

    [Theory]
    [InlineData(-0.1f, 0f, 0.5f, 0.5f, "zone x must be 0..1, got -0.1")]
    [InlineData(0f, 0f, 0f, 0.5f, "zone width must be above 0 and at most 1, got 0")]
    [InlineData(0.6f, 0f, 0.5f, 0.5f, "zone x + width must be at most 1, got 0.6 + 0.5")]
    [InlineData(0f, 0.9f, 0.5f, 0.2f, "zone y + height must be at most 1, got 0.9 + 0.2")]
    public void TryCreate_OutOfRange_ErrorNamesTheValue(float x, float y, float width, float height, string expected)
    {
        var ok = Zone.TryCreate(x, y, width, height, out _, out var error);

        Assert.False(ok);
        Assert.Equal(expected, error);
    }

    [Fact]
    public void Apply_LeftOnLetterboxCrop_TakesLeftQuarterOfPicture()
    {
        Assert.Equal(new PixelRect(0, 5, 16, 27), Zone.Left.Apply(Letterbox));
    }

    [Fact]
    public void Apply_BottomOnLetterboxCrop_RoundsOutwards()
    {
        // 0.75 * 27 = 20.25: the zone starts on row 20 of the crop and runs to its end.
        Assert.Equal(new PixelRect(0, 25, 64, 7), Zone.Bottom.Apply(Letterbox));
    }

    [Fact]
    public void Apply_CenterOnPillarboxCrop_StaysInsideCrop()
    {
        Assert.Equal(new PixelRect(20, 9, 24, 18), Zone.Center.Apply(new PixelRect(8, 0, 48, 36)));
    }

    [Fact]
    public void Apply_WholeZone_ReturnsCrop()
    {
        Assert.Equal(Letterbox, Zone.Whole.Apply(Letterbox));
    }

    [Fact]
    public void Apply_TinyZoneOnTinyCrop_IsNeverEmpty()
    {
        var zone = Zone.Create(0.99f, 0.99f, 0.01f, 0.01f);

        Assert.Equal(new PixelRect(3, 4, 1, 1), zone.Apply(new PixelRect(3, 4, 1, 1)));
        Assert.Equal(new PixelRect(12, 12, 1, 1), zone.Apply(new PixelRect(3, 4, 10, 9)));
    }

    [Fact]
    public void Apply_FractionWithFloatNoise_DoesNotGrowByAPixel()
    {
        var zone = Zone.Create(0f, 0f, 0.3f, 1f);

        Assert.Equal(3, zone.Apply(new PixelRect(0, 0, 10, 10)).Width);
    }

    [Fact]
    public void Apply_EmptyCrop_ReturnsEmpty()
    {
        Assert.True(Zone.Whole.Apply(new PixelRect(0, 0, 0, 0)).IsEmpty);
    }
}
