using DominantColors.Cli;

namespace DominantColors.Tests.Cli;

public sealed class CommandLineAppTests
{
    [Fact]
    public async Task RunAsync_UnknownVerb_ExitsWithUsageError()
    {
        var exitCode = await CommandLineApp.RunAsync(["no-such-verb"]);

        Assert.Equal(ExitCodes.Usage, exitCode);
    }

    [Fact]
    public async Task RunAsync_Help_ExitsWithSuccess()
    {
        var exitCode = await CommandLineApp.RunAsync(["--help"]);

        Assert.Equal(ExitCodes.Success, exitCode);
    }
}
