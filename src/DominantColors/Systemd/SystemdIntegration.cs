using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging.Console;

namespace DominantColors.Systemd;

/// <summary>
/// Turns on the systemd integration (<see cref="SystemdLifetime"/>: READY=1 and STOPPING=1, the notifier the watchdog
/// pings go through, journal-friendly console logs) when systemd runs the daemon as a service.
/// </summary>
/// <remarks>
/// <see cref="SystemdHelpers.IsSystemdService"/> (Microsoft.Extensions.Hosting.Systemd 10.0) decides by reading the
/// parent's name from <c>/proc/&lt;ppid&gt;/comm</c>. The shipped unit's <c>ProtectProc=invisible</c> hides every
/// process the service user does not own, its parent (PID 1) included, so under that very unit the check says no and
/// READY=1 never arrives: systemd kills the start job after <c>TimeoutStartSec=</c>. systemd sets <c>NOTIFY_SOCKET</c>
/// for a <c>Type=notify</c> unit and waits on that socket, and the hardening leaves environment variables alone, so
/// that is the signal used here, besides the library's own check.
/// </remarks>
internal static class SystemdIntegration
{
    /// <summary>The variable systemd sets for services it expects notifications from (sd_notify(3)).</summary>
    public const string NotifySocketVariable = "NOTIFY_SOCKET";

    /// <summary>True when systemd waits for this process's notifications, or the library sees systemd as its parent.</summary>
    /// <param name="environment">Reads an environment variable (<see cref="Environment.GetEnvironmentVariable(string)"/>).</param>
    /// <param name="parentIsSystemd">The library's own check (<see cref="SystemdHelpers.IsSystemdService"/>).</param>
    public static bool IsSystemdService(Func<string, string?> environment, Func<bool> parentIsSystemd)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(parentIsSystemd);
        return !string.IsNullOrEmpty(environment(NotifySocketVariable)) || parentIsSystemd();
    }

    /// <summary>
    /// What <see cref="SystemdHostBuilderExtensions.AddSystemd(IServiceCollection)"/> registers, under
    /// <see cref="IsSystemdService"/>'s wider check; nothing outside systemd.
    /// </summary>
    public static IServiceCollection AddSystemdIntegration(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (!OperatingSystem.IsLinux() || !IsSystemdService(Environment.GetEnvironmentVariable, SystemdHelpers.IsSystemdService))
        {
            return services;
        }

        services.Configure<ConsoleLoggerOptions>(options => options.FormatterName = ConsoleFormatterNames.Systemd);
        services.AddSingleton<ISystemdNotifier, SystemdNotifier>();
        services.AddSingleton<IHostLifetime, SystemdLifetime>();
        return services;
    }
}
