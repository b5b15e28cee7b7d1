using System.CommandLine;

namespace DominantColors.Cli;

/// <summary>The <c>dominant-colors</c> command line: one program, one verb per job.</summary>
internal static class CommandLineApp
{
    public static async Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("Ambient lighting from the dominant colors of a picture, and palettes of images and videos.");
        root.Subcommands.Add(RunCommand.Create());
        root.Subcommands.Add(ConfigCommand.Create());
        root.Subcommands.Add(ExtractCommand.Create());
        root.Subcommands.Add(HueCommand.Create());
        root.Subcommands.Add(DevicesCommand.Create());

        var parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            foreach (var error in parseResult.Errors)
            {
                await Console.Error.WriteLineAsync(error.Message).ConfigureAwait(false);
            }

            return ExitCodes.Usage;
        }

        return await parseResult.InvokeAsync().ConfigureAwait(false);
    }
}
