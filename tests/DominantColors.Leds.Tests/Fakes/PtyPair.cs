using System.Diagnostics;

namespace DominantColors.Leds.Tests.Fakes;

/// <summary>
/// A pseudo-terminal pair from <c>socat</c> standing in for a USB serial adapter: the sink opens <see cref="DevicePath"/>
/// as its serial port, the test reads what arrives at <see cref="ReaderPath"/>. Stopping socat removes both ends,
/// as unplugging the adapter removes /dev/ttyUSB0.
/// </summary>
internal sealed class PtyPair : IAsyncDisposable
{
    private readonly string _directory;
    private Process? _socat;

    public PtyPair()
    {
        _directory = Directory.CreateTempSubdirectory("dominant-colors-pty-").FullName;
        DevicePath = Path.Combine(_directory, "ttyUSB0");
        ReaderPath = Path.Combine(_directory, "arduino");
    }

    public string DevicePath { get; }

    public string ReaderPath { get; }

    public async Task StartAsync()
    {
        var start = new ProcessStartInfo("socat") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { $"pty,raw,echo=0,link={DevicePath}", $"pty,raw,echo=0,link={ReaderPath}" })
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            _socat = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException("socat is missing: apt-get install socat (.ci/test does).", ex);
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!File.Exists(DevicePath) || !File.Exists(ReaderPath))
        {
            await Task.Delay(20, timeout.Token);
        }
    }

    /// <summary>Unplugs the adapter: socat exits and both ends of the pair vanish.</summary>
    public async Task StopAsync()
    {
        if (_socat is { } socat)
        {
            socat.Kill();
            await socat.WaitForExitAsync();
            socat.Dispose();
            _socat = null;
        }

        // Killed, socat cannot remove its links; the dangling links go as the device node would.
        File.Delete(DevicePath);
        File.Delete(ReaderPath);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Directory.Delete(_directory, recursive: true);
    }
}
