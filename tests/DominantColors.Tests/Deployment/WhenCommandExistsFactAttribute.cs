namespace DominantColors.Tests.Deployment;

/// <summary>
/// A fact that needs a command the tests do not install (e.g. <c>systemd-analyze</c>, present wherever systemd is):
/// skipped, with the reason shown, on machines without it.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class WhenCommandExistsFactAttribute : FactAttribute
{
    public WhenCommandExistsFactAttribute(string command)
    {
        Command = command;
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        if (!path.Split(':', StringSplitOptions.RemoveEmptyEntries).Any(directory => File.Exists(Path.Combine(directory, command))))
        {
            Skip = $"{command} is not installed on this machine";
        }
    }

    public string Command { get; }
}
