using System.Globalization;

namespace DominantColors.IntegrationTests.Soak;

/// <summary>
/// A process's resident memory split by what holds it, from <c>/proc/PID/smaps</c>, so a growth can be put on one
/// owner. Anonymous mappings that touch each other are taken as one reservation: the GC reserves its regions as one
/// range of many gigabytes; each heap of a glibc arena other than the main one starts at a 64 MB boundary. Heuristic,
/// but each owner's growth is what matters, and the buckets always add up to the resident memory.
/// </summary>
/// <param name="GcBytes">Inside the GC's reservation: the managed heap's committed regions.</param>
/// <param name="ArenaBytes">glibc's thread arenas (malloc by the JIT, OpenSSL, the runtime's native code).</param>
/// <param name="MainHeapBytes">glibc's main arena (<c>[heap]</c>).</param>
/// <param name="CodeBytes">The runtime's executable memory (<c>memfd:doublemapper</c>): JIT-compiled code, stubs, precode.</param>
/// <param name="OtherAnonymousBytes">Other anonymous memory: thread stacks, the runtime's loader heaps, other native mmaps.</param>
/// <param name="FileBytes">Mapped files: the runtime, assemblies (their ReadyToRun code), native libraries.</param>
internal sealed record MemoryMap(long GcBytes, long ArenaBytes, long MainHeapBytes, long CodeBytes, long OtherAnonymousBytes, long FileBytes)
{
    private const long ArenaSize = 64L * 1024 * 1024;
    private const long GcReservationAtLeast = 1L << 30;

    public static readonly MemoryMap Empty = new(0, 0, 0, 0, 0, 0);

    public static MemoryMap Read(int processId)
    {
        long gc = 0, arena = 0, main = 0, code = 0, other = 0, file = 0;
        var reservation = new List<(long Start, long End, long Rss)>();

        void EndReservation()
        {
            if (reservation.Count == 0)
            {
                return;
            }

            // Each heap of a thread arena is one 64 MB mapping at a 64 MB boundary: its used part read-write, the rest
            // inaccessible, so a mapping ends exactly 64 MB after its start. A GC region at such a boundary is followed
            // by more of the GC's reservation instead.
            var inGc = reservation[^1].End - reservation[0].Start >= GcReservationAtLeast;
            var arenaEnd = long.MinValue;
            foreach (var (start, _, rss) in reservation)
            {
                if (start % ArenaSize == 0 && reservation.Exists(r => r.End == start + ArenaSize))
                {
                    arenaEnd = start + ArenaSize;
                }

                if (start < arenaEnd)
                {
                    arena += rss;
                }
                else if (inGc)
                {
                    gc += rss;
                }
                else
                {
                    other += rss;
                }
            }

            reservation.Clear();
        }

        (long Start, long End, string Path)? mapping = null;
        foreach (var line in File.ReadLines($"/proc/{processId}/smaps"))
        {
            if (IsHeader(line, out var start, out var end, out var path))
            {
                if (path.Length != 0 || reservation.Count == 0 || reservation[^1].End != start)
                {
                    EndReservation();
                }

                mapping = (start, end, path);
            }
            else if (mapping is { } m && line.StartsWith("Rss:", StringComparison.Ordinal))
            {
                var rss = long.Parse(line.AsSpan(4).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture) * 1024;
                if (m.Path.Length == 0)
                {
                    reservation.Add((m.Start, m.End, rss));
                }
                else if (m.Path == "[heap]")
                {
                    main += rss;
                }
                else if (m.Path.Contains("doublemapper", StringComparison.Ordinal))
                {
                    code += rss;
                }
                else if (m.Path.StartsWith('/'))
                {
                    file += rss;
                }
                else
                {
                    // [stack], [vdso], [vvar]...
                    other += rss;
                }
            }
        }

        EndReservation();
        return new MemoryMap(gc, arena, main, code, other, file);
    }

    private static bool IsHeader(string line, out long start, out long end, out string path)
    {
        (start, end, path) = (0, 0, "");
        var dash = line.IndexOf('-', StringComparison.Ordinal);
        var space = line.IndexOf(' ', StringComparison.Ordinal);
        if (dash <= 0 || space <= dash
            || !long.TryParse(line.AsSpan(0, dash), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out start)
            || !long.TryParse(line.AsSpan(dash + 1, space - dash - 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out end))
        {
            return false;
        }

        // address perms offset dev inode [path]: the path is what follows the fifth field.
        var fields = line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries);
        path = fields.Length == 6 ? fields[5].Trim() : "";
        return true;
    }
}
