using System.Diagnostics.Metrics;
using DominantColors.Cli;
using DominantColors.Configuration;
using DominantColors.Control;
using DominantColors.LiveReload;
using DominantColors.Pipeline;
using DominantColors.Systemd;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DominantColors.Hosting;

/// <summary>Builds and runs the daemon: the generic host with systemd integration, the checked config and the pipeline.</summary>
internal static class DaemonHost
{
    /// <summary>The logger category of the generic host's own start and stop messages.</summary>
    private const string HostCategory = "Microsoft.Extensions.Hosting.Internal.Host";

    /// <summary>Builds the host; throws <see cref="InvalidConfigException"/> when the YAML cannot be read.</summary>
    /// <param name="file">The YAML file, or the demo.</param>
    /// <param name="switches">Configuration switches (<c>--smoothing:intensity=high</c>).</param>
    /// <param name="configureServices">Extra registrations (tests: a fake clock, recording sinks).</param>
    public static IHost Build(ConfigFile file, string[] switches, Action<IServiceCollection>? configureServices = null)
    {
        ArgumentNullException.ThrowIfNull(file);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = switches,
            ApplicationName = "dominant-colors",
            ContentRootPath = AppContext.BaseDirectory,
        });
        try
        {
            builder.Configuration.Sources.Insert(0, file.CreateSource());
        }
        catch (InvalidDataException ex) when (ex.InnerException is InvalidConfigException inner)
        {
            throw inner;
        }

        // The host logs a service's start failure and a background service's fault as errors with their stack traces;
        // the daemon reports those itself (a configuration error as its key and message, exit 78; any other start
        // failure as one line, exit 1). Its critical record of a faulted background service stopping the host stays.
        builder.Logging.AddFilter(HostCategory, LogLevel.Critical);
        var services = builder.Services;
        services.AddSystemdIntegration();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(file);
        services.AddSingleton(new CommandLineSwitches(switches));
        services.AddSingleton(StateDirectory.FromEnvironment());
        services.AddSingleton<AmbientSettings>();
        services.AddSingleton<DaemonExit>();
        services.AddSingleton<PipelineMetrics>();
        services.AddSingleton(sp => OutputMetrics.Observe(new OutputStates(), sp.GetRequiredService<IMeterFactory>()));
        services.AddSingleton<ConfigChecker>();
        services.AddSingleton(CheckConfig);
        services.AddPlugins();
        services.AddSingleton<PipelineService>();
        services.AddHostedService(sp => sp.GetRequiredService<PipelineService>());
        services.TryAddSingleton(ConfigWatchSettings.Default);
        services.AddSingleton<LiveConfig>();
        services.AddHostedService(sp => sp.GetRequiredService<LiveConfig>());
        configureServices?.Invoke(services);
        return builder.Build();
    }

    /// <summary>
    /// <c>dominant-colors run</c>: checks the config (exit 78 with every error when invalid), then runs until stopped.
    /// Returns 0, 78 for configuration faults, 1 for a fatal fault (so <c>Restart=on-failure</c> fires).
    /// </summary>
    public static async Task<int> RunAsync(
        string? configPath, string[] switches, TextWriter error, CancellationToken cancellationToken, Action<IServiceCollection>? configureServices = null)
    {
        ArgumentNullException.ThrowIfNull(error);
        IHost host;
        try
        {
            var file = ConfigFile.Choose(configPath);
            host = Build(file, switches, configureServices);
            if (file.IsDemo)
            {
                await error.WriteLineAsync($"No config file at {ConfigFile.DefaultPath}; running the built-in demo (pattern source, console output).").ConfigureAwait(false);
            }

            _ = host.Services.GetRequiredService<DaemonConfig>();
        }
        catch (InvalidConfigException ex)
        {
            await ConfigReport.WriteAsync(error, configPath ?? ConfigFile.DefaultPath, ex.Errors).ConfigureAwait(false);
            return ExitCodes.Config;
        }

        // RunAsync disposes the host when it returns.
        var exit = host.Services.GetRequiredService<DaemonExit>();
        try
        {
            await host.RunAsync(cancellationToken).ConfigureAwait(false);
            return exit.Code;
        }
        catch (InvalidConfigException ex)
        {
            await ConfigReport.WriteAsync(error, configPath ?? ConfigFile.DefaultPath, ex.Errors).ConfigureAwait(false);
            return ExitCodes.Config;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return exit.Code;
        }
        catch (Exception ex)
        {
            await error.WriteLineAsync($"dominant-colors stopped: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.PartialFailure;
        }
    }

    private static DaemonConfig CheckConfig(IServiceProvider services)
    {
        var configuration = (IConfigurationRoot)services.GetRequiredService<IConfiguration>();
        var lines = ConfigFile.LinesOf(configuration);
        var errors = new ConfigErrors(lines);
        return services.GetRequiredService<ConfigChecker>().Check(configuration, lines, errors)
            ?? throw new InvalidConfigException(errors.Errors);
    }
}
