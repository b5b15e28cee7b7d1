using System.Globalization;

namespace DominantColors.IntegrationTests.Soak;

/// <summary>What a process holds: resident memory (split by owner), threads and open descriptors, and for this process the managed side too.</summary>
/// <param name="ResidentBytes">VmRSS: managed and native memory in RAM.</param>
/// <param name="Map">The resident memory by owner (GC, arenas, code, files...).</param>
/// <param name="Managed">Figures only the process itself can read; null for another process.</param>
internal sealed record ProcessFootprint(long ResidentBytes, int Threads, int FileDescriptors, MemoryMap Map, ManagedFootprint? Managed = null)
{
    /// <summary>
    /// This process, after a full compacting collection and after glibc's arenas returned their free pages
    /// (<see cref="NativeHeap"/>): what is left is what the process holds, not what its allocators cache.
    /// </summary>
    public static ProcessFootprint MeasureSelf()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var heap = GC.GetTotalMemory(forceFullCollection: true);
        var untrimmed = ReadStatus(Environment.ProcessId).Rss;
        NativeHeap.ReturnFreePages();
        var (rss, threads) = ReadStatus(Environment.ProcessId);
        var managed = new ManagedFootprint(
            heap, GC.GetGCMemoryInfo(GCKind.Any).TotalCommittedBytes, untrimmed,
            System.Runtime.JitInfo.GetCompiledMethodCount(), System.Runtime.JitInfo.GetCompiledILBytes(),
            AppDomain.CurrentDomain.GetAssemblies().Length);
        return new ProcessFootprint(rss, threads, CountDescriptors(Environment.ProcessId), MemoryMap.Read(Environment.ProcessId), managed);
    }

    /// <summary>Another process (the daemon run as its own process) as it is: nothing collected, nothing trimmed.</summary>
    public static ProcessFootprint Measure(int processId)
    {
        var (rss, threads) = ReadStatus(processId);
        return new ProcessFootprint(rss, threads, CountDescriptors(processId), MemoryMap.Read(processId));
    }

    /// <summary>
    /// Open descriptors, less the assemblies and symbol files the runtime opens on first use and keeps for the
    /// process's life (System.Net.Quic.dll on the first HTTP request, a .pdb for an exception's line numbers): they
    /// appear once, whenever a path first runs, and never grow; sockets, pipes and other files are all counted.
    /// </summary>
    private static int CountDescriptors(int processId) => DescriptorKinds(processId)
        .Where(k => !k.Key.EndsWith(".dll", StringComparison.Ordinal) && !k.Key.EndsWith(".pdb", StringComparison.Ordinal))
        .Sum(k => k.Value);

    private static (long Rss, int Threads) ReadStatus(int processId)
    {
        long rss = 0;
        var threads = 0;
        foreach (var line in File.ReadLines($"/proc/{processId}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                rss = long.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
            }
            else if (line.StartsWith("Threads:", StringComparison.Ordinal))
            {
                threads = int.Parse(line[8..].Trim(), CultureInfo.InvariantCulture);
            }
        }

        return (rss, threads);
    }

    /// <summary>Open descriptors by what they point at (socket, pipe, anon_inode:[eventpoll], a path...), for finding a leak.</summary>
    public static Dictionary<string, int> DescriptorKinds(int processId)
    {
        var kinds = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var descriptor in Directory.GetFileSystemEntries($"/proc/{processId}/fd"))
        {
            string kind;
            try
            {
                var target = new FileInfo(descriptor).LinkTarget ?? "?";
                var bracket = target.IndexOf(":[", StringComparison.Ordinal);
                kind = target.StartsWith("anon_inode:", StringComparison.Ordinal) || bracket < 0 ? target : target[..bracket];
            }
            catch (IOException)
            {
                continue;
            }

            kinds[kind] = kinds.GetValueOrDefault(kind) + 1;
        }

        return kinds;
    }

    /// <summary>
    /// The sample with the middle resident memory (its split and managed figures with it), and the middle thread and
    /// descriptor counts, so one sample taken mid-reconnect does not decide.
    /// </summary>
    public static ProcessFootprint Median(IReadOnlyList<ProcessFootprint> samples)
    {
        var middle = samples.OrderBy(s => s.ResidentBytes).ElementAt(samples.Count / 2);
        return middle with
        {
            Threads = samples.Select(s => s.Threads).Order().ElementAt(samples.Count / 2),
            FileDescriptors = samples.Select(s => s.FileDescriptors).Order().ElementAt(samples.Count / 2),
        };
    }
}
