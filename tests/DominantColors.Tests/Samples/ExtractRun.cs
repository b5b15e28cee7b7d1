using System.CommandLine;
using DominantColors.Cli;

namespace DominantColors.Tests.Samples;

/// <summary>Runs <c>extract</c> in-process the way the program does, with stdout and stderr captured.</summary>
internal sealed record ExtractRun(int ExitCode, string Output, string Error)
{
    public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public static async Task<ExtractRun> RunAsync(params string[] args)
    {
        var root = new RootCommand { ExtractCommand.Create() };
        var parse = root.Parse(["extract", .. args]);
        if (parse.Errors.Count > 0)
        {
            return new ExtractRun(ExitCodes.Usage, string.Empty, string.Join('\n', parse.Errors.Select(e => e.Message)));
        }

        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return new ExtractRun(exitCode, output.ToString(), error.ToString());
    }
}
