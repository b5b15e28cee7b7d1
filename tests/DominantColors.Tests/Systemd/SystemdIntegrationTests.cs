using DominantColors.Systemd;

namespace DominantColors.Tests.Systemd;

/// <summary>
/// systemd is recognised from NOTIFY_SOCKET, which the shipped unit's <c>ProtectProc=invisible</c> does not hide (it
/// hides the parent the hosting library looks at), and still from the library's own parent check.
/// </summary>
public sealed class SystemdIntegrationTests
{
    [Fact]
    public void IsSystemdService_NotifySocketSetParentHidden_True()
    {
        var environment = Environment(("NOTIFY_SOCKET", "/run/systemd/notify"));

        Assert.True(SystemdIntegration.IsSystemdService(environment, () => false));
    }

    [Fact]
    public void IsSystemdService_AbstractNotifySocket_True()
    {
        // sd_notify(3): a name starting with '@' is a socket in the abstract namespace.
        var environment = Environment(("NOTIFY_SOCKET", "@/org/freedesktop/systemd1/notify/1234"));

        Assert.True(SystemdIntegration.IsSystemdService(environment, () => false));
    }

    [Fact]
    public void IsSystemdService_NoNotifySocketParentNotSystemd_False()
    {
        Assert.False(SystemdIntegration.IsSystemdService(Environment(), () => false));
    }

    [Fact]
    public void IsSystemdService_EmptyNotifySocket_FallsBackToTheParentCheck()
    {
        var environment = Environment(("NOTIFY_SOCKET", string.Empty));

        Assert.False(SystemdIntegration.IsSystemdService(environment, () => false));
        Assert.True(SystemdIntegration.IsSystemdService(environment, () => true));
    }

    [Fact]
    public void IsSystemdService_NoNotifySocketParentIsSystemd_True()
    {
        // A Type=simple unit: no socket, but the library still sees PID 1 named systemd as the parent.
        Assert.True(SystemdIntegration.IsSystemdService(Environment(), () => true));
    }

    private static Func<string, string?> Environment(params (string Name, string Value)[] variables)
    {
        var values = variables.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);
        return name => values.GetValueOrDefault(name);
    }
}
