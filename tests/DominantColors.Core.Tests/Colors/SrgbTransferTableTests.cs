using DominantColors.Colors;

namespace DominantColors.Core.Tests.Colors;

public sealed class SrgbTransferTableTests
{
    [Fact]
    public void ToSrgb_LinearHalf_MatchesSrgbCurve()
    {
        // 1.055 * 0.5^(1 / 2.4) - 0.055 = 0.73536, * 255 = 187.52
        Assert.Equal(188, SrgbTransferTable.ToSrgb(0.5f));
    }

    [Fact]
    public void ToSrgb_EveryCode_RoundTrips()
    {
        for (var v = 0; v < 256; v++)
        {
            Assert.Equal(v, SrgbTransferTable.ToSrgb(ColorSpaces.SrgbToLinear((byte)v)));
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
