using System.Runtime.Intrinsics;
using DominantColors.Colors;
using DominantColors.Testing.Imaging;

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

    // The inputs are the LMS values of bin means in linear light: 0, then from about 1e-9 (one pixel at level 1
    // among 16 384, times the smallest matrix coefficient) up to 1 (the matrix rows sum to 1). Every 61st float of
    // [2^-40, 1 + 8 ulp] is checked against the double-precision cube root, by the scalar path and both vector widths.
    [Fact]
    public void Cbrt_EveryInputRangeFloat_IsWithinOneUlpAndVectorsEqualScalar()
    {
        var first = BitConverter.SingleToInt32Bits(MathF.ScaleB(1f, -40));
        var last = BitConverter.SingleToInt32Bits(1f) + 8;
        var lanes = new float[8];
        var worst = 0.0;
        var worstAt = 0f;
        for (var bits = first; bits <= last; bits += 8 * 61)
        {
            for (var t = 0; t < 8; t++)
            {
                lanes[t] = BitConverter.Int32BitsToSingle(Math.Min(bits + (t * 61), last));
            }

            var wide = FastOkLab.Cbrt(Vector256.Create(lanes));
            var low = FastOkLab.Cbrt(Vector128.Create(lanes, 0));
            var high = FastOkLab.Cbrt(Vector128.Create(lanes, 4));
            for (var t = 0; t < 8; t++)
            {
                var x = lanes[t];
                var fast = FastOkLab.Cbrt(x);
                Assert.Equal(BitConverter.SingleToInt32Bits(fast), BitConverter.SingleToInt32Bits(wide[t]));
                Assert.Equal(BitConverter.SingleToInt32Bits(fast), BitConverter.SingleToInt32Bits(t < 4 ? low[t] : high[t - 4]));
                var exact = Math.Cbrt(x);
                var ulp = MathF.BitIncrement((float)exact) - (float)exact;
                var error = Math.Abs(fast - exact) / ulp;
                if (error > worst)
                {
                    (worst, worstAt) = (error, x);
                }
            }
        }

        Assert.True(worst <= 1.0, $"cube root off by {worst:f2} ulp at {worstAt:r}");
        Assert.Equal(0f, FastOkLab.Cbrt(0f));
        Assert.Equal(0f, FastOkLab.Cbrt(Vector128<float>.Zero)[0]);
        Assert.Equal(0f, FastOkLab.Cbrt(Vector256<float>.Zero)[0]);
    }
}
