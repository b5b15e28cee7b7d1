using System.Diagnostics;

namespace DominantColors.IntegrationTests.Peers;

/// <summary>
/// A tmpfs of a few KiB mounted on a fresh temporary directory, to run a disk out of space for real (ENOSPC from the
/// kernel, not an injected exception). Mounting needs root or CAP_SYS_ADMIN, which CI has: it installs the test
/// packages with apt as root.
/// </summary>
internal sealed class TinyDisk : IDisposable
{
    private TinyDisk(string path)
    {
        Path = path;
    }

    public string Path { get; }

    public static TinyDisk Mount(int kibibytes)
    {
        var path = Directory.CreateTempSubdirectory("dc-tinydisk-").FullName;
        var (code, error) = Run("mount", "-t", "tmpfs", "-o", $"size={kibibytes}k,mode=0700", "tmpfs", path);
        if (code != 0)
        {
            Directory.Delete(path);
            throw new InvalidOperationException(
                $"Could not mount a {kibibytes} KiB tmpfs on {path} (exit {code}: {error.Trim()}); the disk-full fault test needs root or CAP_SYS_ADMIN.");
        }

        return new TinyDisk(path);
    }

    /// <summary>Writes a filler file until the kernel says the disk is full; returns the bytes it took.</summary>
    public long Fill()
    {
        var chunk = new byte[1024];
        long written = 0;
        using var filler = new FileStream(System.IO.Path.Combine(Path, "filler"), FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.None);
        try
        {
            while (true)
            {
                filler.Write(chunk);
                written += chunk.Length;
            }
        }
        catch (IOException)
        {
            // No space left on device.
        }

        return written;
    }

    public void Dispose()
    {
        Run("umount", "-l", Path);
        Directory.Delete(Path, recursive: true);
    }

    private static (int Code, string Error) Run(string command, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(command, arguments)
        {
            UseShellExecute = false,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, error);
    }
}
