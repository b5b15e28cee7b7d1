using System.Diagnostics;

namespace DominantColors.IntegrationTests.Peers;

/// <summary>
/// A tmpfs of a few KiB mounted on a fresh temporary directory, to run a disk out of space for real (ENOSPC from the
/// kernel, not an injected exception). Mounting needs root or CAP_SYS_ADMIN; without them it tries sudo without a
/// password, as <c>.ci/test</c> does to install the test packages.
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
        var (uid, gid) = Ids();
        string[] mount = ["mount", "-t", "tmpfs", "-o", $"size={kibibytes}k,mode=0700,uid={uid},gid={gid}", "tmpfs", path];
        var (code, error) = Run(mount);
        if (code != 0)
        {
            // Not root: the way .ci/test installs packages, without asking for a password.
            (code, error) = Run(["sudo", "-n", .. mount]);
        }

        if (code != 0)
        {
            Directory.Delete(path);
            throw new InvalidOperationException(
                $"Could not mount a {kibibytes} KiB tmpfs on {path} (exit {code}: {error.Trim()}); the disk-full fault test needs root, CAP_SYS_ADMIN or sudo without a password.");
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
        if (Run(["umount", "-l", Path]).Code != 0)
        {
            Run(["sudo", "-n", "umount", "-l", Path]);
        }

        Directory.Delete(Path, recursive: true);
    }

    /// <summary>This process's user and group ids, from /proc/self/status (real ids, the first of each line).</summary>
    private static (string Uid, string Gid) Ids()
    {
        var status = File.ReadAllLines("/proc/self/status");
        static string First(string[] lines, string key) =>
            lines.First(l => l.StartsWith(key, StringComparison.Ordinal))[key.Length..].Split('\t', StringSplitOptions.RemoveEmptyEntries)[0];
        return (First(status, "Uid:"), First(status, "Gid:"));
    }

    private static (int Code, string Error) Run(string[] commandLine)
    {
        using var process = Process.Start(new ProcessStartInfo(commandLine[0], commandLine[1..])
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
