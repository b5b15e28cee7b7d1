using DominantColors.Colors;

namespace DominantColors.Core.Tests.Colors;

public sealed class Rgb24Tests
{
    [Theory]
    [InlineData(0, 0, 0, "#000000")]
    [InlineData(255, 255, 255, "#ffffff")]
    [InlineData(18, 171, 205, "#12abcd")]
    public void ToHex_AnyColor_IsLowerCaseHashRrggbb(byte r, byte g, byte b, string expected)
    {
        var color = new Rgb24(r, g, b);

        Assert.Equal(expected, color.ToHex());
        Span<char> buffer = stackalloc char[7];
        Assert.True(color.TryFormatHex(buffer, out var written));
        Assert.Equal(expected, new string(buffer[..written]));
    }

    [Theory]
    [InlineData("#12abcd")]
    [InlineData("12ABCD")]
    public void TryParseHex_WithOrWithoutHash_ReadsTheColor(string text)
    {
        Assert.True(Rgb24.TryParseHex(text, out var color));
        Assert.Equal(new Rgb24(0x12, 0xab, 0xcd), color);
    }

    [Theory]
    [InlineData("")]
    [InlineData("#12abc")]
    [InlineData("#12abcg")]
    [InlineData("#-12abc")]
    public void TryParseHex_Malformed_ReturnsFalse(string text) => Assert.False(Rgb24.TryParseHex(text, out _));
}
