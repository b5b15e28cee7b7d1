namespace DominantColors.Systemd;

/// <summary>
/// Where the daemon keeps credentials and state: systemd's <c>$STATE_DIRECTORY</c> (from <c>StateDirectory=</c>),
/// else <c>$XDG_STATE_HOME/dominant-colors</c> or <c>~/.local/state/dominant-colors</c>.
/// </summary>
internal sealed record StateDirectory(string Path)
{
    public static StateDirectory FromEnvironment()
    {
        var systemd = Environment.GetEnvironmentVariable("STATE_DIRECTORY");
        if (!string.IsNullOrEmpty(systemd))
        {
            // systemd passes a colon-separated list when several directories are configured; the first is ours.
            return new StateDirectory(systemd.Split(':')[0]);
        }

        var xdg = Environment.GetEnvironmentVariable("XDG_STATE_HOME");
        var root = string.IsNullOrEmpty(xdg)
            ? System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "state")
            : xdg;
        return new StateDirectory(System.IO.Path.Combine(root, "dominant-colors"));
    }
}
