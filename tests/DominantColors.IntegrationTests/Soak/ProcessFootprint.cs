namespace DominantColors.IntegrationTests.Soak;

/// <summary>What this process holds: resident memory (managed and native), the GC heap after a full collection, threads and open descriptors.</summary>
/// <param name="GcCommittedBytes">Memory the GC holds from the system (part of the resident memory), live or not.</param>
/// <param name="JittedMethods">Methods compiled so far (tiering recompiles hot ones; the code heap is native memory).</param>
/// <param name="ResidentUntrimmedBytes">Resident memory before glibc's arenas returned their free pages (<see cref="NativeHeap"/>).</param>
internal sealed record ProcessFootprint(
    long ResidentBytes, long GcHeapBytes, int Threads, int FileDescriptors, long GcCommittedBytes = 0, long JittedMethods = 0, long ResidentUntrimmedBytes = 0)
{
    public static ProcessFootprint Measure()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var heap = GC.GetTotalMemory(forceFullCollection: true);
        var untrimmed = ReadStatus().Rss;
        NativeHeap.ReturnFreePages();
        var (rss, threads) = ReadStatus();
        return new ProcessFootprint(
            rss, heap, threads, CountDescriptors(),
            GC.GetGCMemoryInfo(GCKind.Any).TotalCommittedBytes, System.Runtime.JitInfo.GetCompiledMethodCount(), untrimmed);
    }

    /// <summary>
    /// Open descriptors, less the assemblies and symbol files the runtime opens on first use and keeps for the
    /// process's life (System.Net.Quic.dll on the first HTTP request, a .pdb for an exception's line numbers): they
    /// appear once, whenever a path first runs, and never grow; sockets, pipes and other files are all counted.
    /// </summary>
    private static int CountDescriptors() => DescriptorKinds()
        .Where(k => !k.Key.EndsWith(".dll", StringComparison.Ordinal) && !k.Key.EndsWith(".pdb", StringComparison.Ordinal))
        .Sum(k => k.Value);

    private static (long Rss, int Threads) ReadStatus()
    {
        long rss = 0;
        var threads = 0;
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                rss = long.Parse(line[6..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) * 1024;
            }
            else if (line.StartsWith("Threads:", StringComparison.Ordinal))
            {
                threads = int.Parse(line[8..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return (rss, threads);
    }

    /// <summary>Open descriptors by what they point at (socket, pipe, anon_inode:[eventpoll], a path...), for finding a leak.</summary>
    public static Dictionary<string, int> DescriptorKinds()
    {
        var kinds = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var descriptor in Directory.GetFileSystemEntries("/proc/self/fd"))
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

    /// <summary>The middle of several samples, field by field, so one sample taken mid-reconnect does not decide.</summary>
    public static ProcessFootprint Median(IReadOnlyList<ProcessFootprint> samples) => new(
        Middle(samples.Select(s => s.ResidentBytes)),
        Middle(samples.Select(s => s.GcHeapBytes)),
        (int)Middle(samples.Select(s => (long)s.Threads)),
        (int)Middle(samples.Select(s => (long)s.FileDescriptors)),
        Middle(samples.Select(s => s.GcCommittedBytes)),
        Middle(samples.Select(s => s.JittedMethods)),
        Middle(samples.Select(s => s.ResidentUntrimmedBytes)));

    private static long Middle(IEnumerable<long> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }
}
