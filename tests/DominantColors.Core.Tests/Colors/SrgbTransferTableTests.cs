using DominantColors.Colors;

namespace DominantColors.Core.Tests.Colors;

public sealed class SrgbTransferTableTests
{
    [Fact]
    public void ToLinear_Code128_MatchesSrgbCurve()
    {
        // ((128 / 255 + 0.055) / 1.055)^2.4 = 0.215861
        Assert.Equal(0.215861f, SrgbTransferTable.ToLinear(128), 5);
    }

    [Fact]
    public void ToSrgb_EveryCode_RoundTrips()
    {
        for (var v = 0; v < 256; v++)
        {
            Assert.Equal(v, SrgbTransferTable.ToSrgb(SrgbTransferTable.ToLinear((byte)v)));
        }
    }

    [Fact]
    public void ToSrgb_OutOfRangeAndNaN_Clamp()
    {
        Assert.Equal(0, SrgbTransferTable.ToSrgb(-1f));
        Assert.Equal(0, SrgbTransferTable.ToSrgb(float.NaN));
        Assert.Equal(255, SrgbTransferTable.ToSrgb(2f));
    }
}
