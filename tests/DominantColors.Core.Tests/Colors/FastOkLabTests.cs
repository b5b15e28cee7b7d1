using DominantColors.Colors;
using DominantColors.Core.Tests.Imaging;

namespace DominantColors.Core.Tests.Colors;

public sealed class FastOkLabTests
{
    public static TheoryData<int> Sizes()
    {
        var sizes = new TheoryData<int>();
        for (var n = 1; n <= 17; n++)
        {
            sizes.Add(n);
        }

        return sizes;
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Convert_AnySize_EqualsScalarBitForBitAndMatchesToOkLab(int n)
    {
        var random = new TestRandom((ulong)n);
        var colors = Enumerable.Range(0, n).Select(_ => new Rgb24((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256))).ToArray();
        colors[0] = Rgb24.Black;
        var r = colors.Select(c => ColorSpaces.SrgbToLinear(c.R)).ToArray();
        var g = colors.Select(c => ColorSpaces.SrgbToLinear(c.G)).ToArray();
        var b = colors.Select(c => ColorSpaces.SrgbToLinear(c.B)).ToArray();
        var (vl, va, vb) = (new float[n], new float[n], new float[n]);
        var (sl, sa, sb) = (new float[n], new float[n], new float[n]);

        FastOkLab.Convert(r, g, b, vl, va, vb);
        FastOkLab.ConvertScalar(r, g, b, sl, sa, sb, 0);

        Assert.Equal(sl, vl);
        Assert.Equal(sa, va);
        Assert.Equal(sb, vb);
        for (var i = 0; i < n; i++)
        {
            var reference = ColorSpaces.ToOkLab(colors[i]);
            Assert.Equal(reference.L, vl[i], 1e-6f);
            Assert.Equal(reference.A, va[i], 1e-6f);
            Assert.Equal(reference.B, vb[i], 1e-6f);
        }
    }

    [Fact]
    public void Cbrt_AcrossTheRange_IsWithinFloatPrecision()
    {
        for (var x = 1e-9f; x < 2f; x *= 1.01f)
        {
            Assert.Equal(MathF.Cbrt(x), FastOkLab.Cbrt(x), MathF.Cbrt(x) * 1e-6f);
        }

        Assert.Equal(0f, FastOkLab.Cbrt(0f));
    }
}
