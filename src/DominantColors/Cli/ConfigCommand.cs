using System.CommandLine;
using DominantColors.Configuration;
using DominantColors.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DominantColors.Cli;

/// <summary><c>dominant-colors config check PATH</c>: validates a config file without running anything.</summary>
internal static class ConfigCommand
{
    public static Command Create()
    {
        var path = new Argument<string>("PATH") { Description = "The YAML config file to check." };
        var check = new Command("check", "Check a config file: exit 0 when valid, 78 with every error (key path, line, what is allowed) otherwise.")
        {
            path,
        };
        check.SetAction((parseResult, _) => CheckAsync(parseResult.GetValue(path)!, Console.Out, Console.Error));
        return new Command("config", "Work with the config file.") { check };
    }

    /// <summary>Checks <paramref name="path"/> and prints the result; secrets are never printed.</summary>
    public static async Task<int> CheckAsync(string path, TextWriter output, TextWriter error, Action<IServiceCollection>? configureServices = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        try
        {
            var file = ConfigFile.Choose(path);
            var (configuration, lines) = file.Load([]);
            var services = new ServiceCollection().AddPlugins();
            services.AddSingleton<ConfigChecker>();
            configureServices?.Invoke(services);
            await using var provider = services.BuildServiceProvider();
            var errors = new ConfigErrors(lines);
            var config = provider.GetRequiredService<ConfigChecker>().Check(configuration, lines, errors);
            if (config is null)
            {
                await ConfigReport.WriteAsync(error, path, errors.Errors).ConfigureAwait(false);
                return ExitCodes.Config;
            }

            await output.WriteLineAsync($"{path}: valid. Source: {config.Source.Type}; lights: {string.Join(", ", config.Lights.Select(l => l.Name))}; outputs: {string.Join(", ", config.Outputs.Select(o => o.Section.Type))}.").ConfigureAwait(false);
            await output.WriteLineAsync("Effective settings (secrets redacted):").ConfigureAwait(false);
            foreach (var (key, value) in configuration.AsEnumerable().Where(p => p.Value is not null && lines.Find(p.Key) is not null).OrderBy(p => lines.Find(p.Key)).ThenBy(p => p.Key, StringComparer.Ordinal))
            {
                await output.WriteLineAsync($"  {ConfigPath.ToDisplay(key)}: {SecretRedaction.Redact(key, value)}").ConfigureAwait(false);
            }

            return ExitCodes.Success;
        }
        catch (InvalidConfigException ex)
        {
            await ConfigReport.WriteAsync(error, path, ex.Errors).ConfigureAwait(false);
            return ExitCodes.Config;
        }
    }
}
