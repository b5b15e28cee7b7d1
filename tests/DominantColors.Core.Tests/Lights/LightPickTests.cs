using DominantColors.Lights;

namespace DominantColors.Core.Tests.Lights;

public sealed class LightPickTests
{
    [Theory]
    [InlineData("dominant", LightPickKind.Dominant, 1)]
    [InlineData("Dominant", LightPickKind.Dominant, 1)]
    [InlineData("accent", LightPickKind.Accent, 0)]
    [InlineData("rank:1", LightPickKind.Rank, 1)]
    [InlineData("rank:3", LightPickKind.Rank, 3)]
    [InlineData(" RANK: 2 ", LightPickKind.Rank, 2)]
    public void Parse_AllowedForm_ReturnsPick(string text, LightPickKind kind, int rank)
    {
        var pick = LightPick.Parse(text);

        Assert.Equal(kind, pick.Kind);
        Assert.Equal(rank, pick.Rank);
    }

    [Theory]
    [InlineData("brightest", "unknown pick 'brightest'; allowed: dominant | accent | rank:N (N a whole number from 1)")]
    [InlineData("", "unknown pick ''; allowed: dominant | accent | rank:N (N a whole number from 1)")]
    [InlineData("rank:0", "pick 'rank:0' has no valid rank: N must be a whole number from 1; allowed: dominant | accent | rank:N (N a whole number from 1)")]
    [InlineData("rank:x", "pick 'rank:x' has no valid rank: N must be a whole number from 1; allowed: dominant | accent | rank:N (N a whole number from 1)")]
    [InlineData("rank:-2", "pick 'rank:-2' has no valid rank: N must be a whole number from 1; allowed: dominant | accent | rank:N (N a whole number from 1)")]
    public void TryParse_BadText_ErrorSaysWhatIsAllowed(string text, string expected)
    {
        var ok = LightPick.TryParse(text, out _, out var error);

        Assert.False(ok);
        Assert.Equal(expected, error);
    }

    [Fact]
    public void Parse_BadText_ThrowsFormatException()
    {
        Assert.Throws<FormatException>(() => LightPick.Parse("second"));
    }

    [Theory]
    [InlineData("dominant")]
    [InlineData("accent")]
    [InlineData("rank:4")]
    public void ToString_ParsedPick_RoundTrips(string text)
    {
        Assert.Equal(text, LightPick.Parse(text).ToString());
    }
}
