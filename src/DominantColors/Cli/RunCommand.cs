using System.CommandLine;
using DominantColors.Configuration;
using DominantColors.Hosting;

namespace DominantColors.Cli;

/// <summary><c>dominant-colors run [--config PATH] [--section:key=value ...]</c>: the service.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var config = new Option<string?>("--config", "-c")
        {
            Description = $"The YAML config file (default {ConfigFile.DefaultPath}; without it and without --config, the built-in demo runs).",
        };
        var command = new Command("run", "Run the ambient-lighting daemon (under systemd: Type=notify, watchdog). Extra --section:key=value switches override the file.")
        {
            config,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parseResult, cancellationToken) =>
            DaemonHost.RunAsync(parseResult.GetValue(config), [.. parseResult.UnmatchedTokens], Console.Error, cancellationToken));
        return command;
    }
}
