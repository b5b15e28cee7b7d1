using System.Diagnostics;
using System.Text.RegularExpressions;

namespace DominantColors.Tests.Web.Browser;

/// <summary>
/// Debian's Chromium started headless with a fresh profile and the DevTools protocol on a free loopback port,
/// opened on one page, whose problems and requests are watched from the start (<see cref="DevToolsSession.Problems"/>).
/// Disposing kills the browser's process tree and deletes the profile.
/// </summary>
internal sealed partial class HeadlessChromium : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _profile;

    private HeadlessChromium(Process process, string profile, DevToolsSession page)
    {
        _process = process;
        _profile = profile;
        Page = page;
    }

    /// <summary>The DevTools session attached to the opened page.</summary>
    public DevToolsSession Page { get; }

    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public static async Task<HeadlessChromium> OpenAsync(Uri url, CancellationToken cancellationToken)
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException($"Chromium is not installed at {ExecutablePath}; `apt-get install chromium` (the test command installs it), or set CHROMIUM_PATH.");
        }

        var profile = Directory.CreateTempSubdirectory("dominant-colors-chromium-").FullName;
        var start = new ProcessStartInfo(ExecutablePath)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-default-apps", "--disable-extensions", "--mute-audio", "--hide-scrollbars",
            "--window-size=1280,960", "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
            $"--user-data-dir={profile}", "about:blank",
        })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"{ExecutablePath} did not start.");
        try
        {
            _ = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var port = await ReadDevToolsPortAsync(process, cancellationToken);
            var page = await DevToolsSession.ConnectToPageAsync(port, cancellationToken);
            await page.WatchAsync(cancellationToken);
            await page.NavigateAsync(url, cancellationToken);
            return new HeadlessChromium(process, profile, page);
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Page.DisposeAsync();
        try
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // A late write by a dying child; the temp folder is cleaned by the system.
        }
    }

    /// <summary>Reads Chromium's stderr until it says where DevTools listens; keeps draining it afterwards.</summary>
    private static async Task<int> ReadDevToolsPortAsync(Process process, CancellationToken cancellationToken)
    {
        var seen = new List<string>();
        while (await process.StandardError.ReadLineAsync(cancellationToken) is { } line)
        {
            var match = DevToolsListening().Match(line);
            if (match.Success)
            {
                _ = DrainAsync(process.StandardError);
                return int.Parse(match.Groups["port"].Value, System.Globalization.CultureInfo.InvariantCulture);
            }

            seen.Add(line);
        }

        throw new InvalidOperationException($"Chromium exited before opening DevTools: {string.Join(Environment.NewLine, seen.TakeLast(10))}");
    }

    private static async Task DrainAsync(StreamReader reader)
    {
        while (await reader.ReadLineAsync() is not null)
        {
        }
    }

    [GeneratedRegex(@"DevTools listening on ws://[^:]+:(?<port>\d+)/")]
    private static partial Regex DevToolsListening();
}
