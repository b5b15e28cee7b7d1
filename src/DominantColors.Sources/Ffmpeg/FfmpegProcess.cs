using System.ComponentModel;
using System.Diagnostics;

namespace DominantColors.Sources.Ffmpeg;

/// <summary>
/// One running ffmpeg: its stdout carries the frames (and, when asked for, its stdin the input); its stderr is
/// drained as it comes, keeping the last line, so a full stderr pipe can never block ffmpeg and a restart can say
/// why ffmpeg gave up.
/// </summary>
internal sealed class FfmpegProcess : IDisposable
{
    private readonly Process _process;
    private string? _lastErrorLine;

    private FfmpegProcess(Process process)
    {
        _process = process;
    }

    public int Id => _process.Id;

    public Stream Output => _process.StandardOutput.BaseStream;

    /// <summary>ffmpeg's stdin; only when started with <c>redirectInput</c>.</summary>
    public Stream Input => _process.StandardInput.BaseStream;

    /// <summary>ffmpeg's last non-empty line on stderr, or <see langword="null"/> if it said nothing.</summary>
    public string? LastErrorLine => Volatile.Read(ref _lastErrorLine);

    /// <summary>
    /// Starts <paramref name="executable"/>, with stdin as a pipe when <paramref name="redirectInput"/> is set;
    /// throws <see cref="Win32Exception"/> if it cannot be run.
    /// </summary>
    public static FfmpegProcess Start(string executable, IReadOnlyList<string> arguments, bool redirectInput = false)
    {
        var startInfo = new ProcessStartInfo(executable)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = redirectInput,
            CreateNoWindow = true,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = startInfo };
        var wrapper = new FfmpegProcess(process);
        process.ErrorDataReceived += wrapper.OnErrorData;
        try
        {
            process.Start();
        }
        catch
        {
            process.Dispose();
            throw;
        }

        process.BeginErrorReadLine();
        return wrapper;
    }

    /// <summary>Kills ffmpeg and anything it started; its stdout then ends, which ends the reader.</summary>
    public void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It has exited already.
        }
        catch (Win32Exception)
        {
            // It exited while being killed.
        }
    }

    /// <summary>Makes sure ffmpeg is gone and returns its exit code (128 + signal when killed).</summary>
    public async Task<int> StopAsync()
    {
        Kill();
        await _process.WaitForExitAsync().ConfigureAwait(false);
        return _process.ExitCode;
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private void OnErrorData(object sender, DataReceivedEventArgs e)
    {
        if (!string.IsNullOrWhiteSpace(e.Data))
        {
            Volatile.Write(ref _lastErrorLine, e.Data.Trim());
        }
    }
}
