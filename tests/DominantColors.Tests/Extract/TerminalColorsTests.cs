using DominantColors.Extract;

namespace DominantColors.Tests.Extract;

public sealed class TerminalColorsTests
{
    [Theory]
    [InlineData("COLORTERM=truecolor", true)]
    [InlineData("COLORTERM=24bit", true)]
    [InlineData("TERM=xterm-direct", true)]
    [InlineData("TERM_PROGRAM=WezTerm", true)]
    [InlineData("TERM=xterm-256color", false)]
    [InlineData("", false)]
    [InlineData("COLORTERM=truecolor;NO_COLOR=1", false)]
    public void UseSwatches_AutoOnATerminal_FollowsTheEnvironment(string variables, bool expected)
    {
        var environment = Parse(variables);

        Assert.Equal(expected, TerminalColors.UseSwatches(ColorMode.Auto, outputIsTerminal: true, environment));
    }

    [Fact]
    public void UseSwatches_AutoIntoAPipe_Never() =>
        Assert.False(TerminalColors.UseSwatches(ColorMode.Auto, outputIsTerminal: false, Parse("COLORTERM=truecolor")));

    [Fact]
    public void UseSwatches_Always_EvenIntoAPipe() =>
        Assert.True(TerminalColors.UseSwatches(ColorMode.Always, outputIsTerminal: false, Parse("NO_COLOR=1")));

    private static Func<string, string?> Parse(string variables)
    {
        var map = variables.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('='))
            .ToDictionary(pair => pair[0], pair => pair[1]);
        return name => map.GetValueOrDefault(name);
    }
}
