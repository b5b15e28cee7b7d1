using System.Globalization;
using System.Text;

namespace DominantColors.IntegrationTests.Soak;

/// <summary>The soak's figures as markdown: the growth table (resident memory by owner), what was delivered, and every 30 s.</summary>
internal sealed class SoakReport(TimeSpan total, TimeSpan warmUp, int warmUpRounds, TimeSpan faultEvery, TimeSpan settle, int faults, string daemon)
{
    public string Write(
        ProcessFootprint baseline, ProcessFootprint final, List<(TimeSpan At, ProcessFootprint Footprint)> samples,
        SoakDelivery delivered, long frames, long dropped, int warnings)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Soak: {total.TotalMinutes:0.#} min in all, warm-up {warmUp.TotalSeconds:0} s (each fault kind {warmUpRounds} times), {faults} faults (every {faultEvery.TotalSeconds:0} s), last {settle.TotalSeconds:0} s fault-free.");
        text.AppendLine(CultureInfo.InvariantCulture, $"Daemon: {daemon}.");
        text.AppendLine(CultureInfo.InvariantCulture, $"Machine: {Environment.ProcessorCount} cores, load average at the end {LoadAverage()}.");
        text.AppendLine(CultureInfo.InvariantCulture, $"Frames analysed: {frames}, dropped by analysis: {dropped}.");
        text.AppendLine("| | after warm-up | at the end | growth |");
        text.AppendLine("| --- | ---: | ---: | ---: |");
        void Row(string name, Func<ProcessFootprint, long> bytes) =>
            text.AppendLine(CultureInfo.InvariantCulture, $"| {name} (MB) | {Mb(bytes(baseline))} | {Mb(bytes(final))} | {Mb(bytes(final) - bytes(baseline))} |");
        void Count(string name, Func<ProcessFootprint, long> count) =>
            text.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {count(baseline)} | {count(final)} | {count(final) - count(baseline):+0;-0;0} |");

        Row("resident memory", f => f.ResidentBytes);
        Row("- GC regions", f => f.Map.GcBytes);
        Row("- glibc thread arenas", f => f.Map.ArenaBytes);
        Row("- glibc main arena ([heap])", f => f.Map.MainHeapBytes);
        Row("- executable code (doublemapped)", f => f.Map.CodeBytes);
        Row("- other anonymous (stacks, loader heaps)", f => f.Map.OtherAnonymousBytes);
        Row("- mapped files", f => f.Map.FileBytes);
        if (baseline.Managed is not null && final.Managed is not null)
        {
            Row("resident before trimming glibc's free pages", f => f.Managed!.ResidentUntrimmedBytes);
            Row("GC heap after a full collection", f => f.Managed!.GcHeapBytes);
            Row("GC committed", f => f.Managed!.GcCommittedBytes);
            Count("methods compiled", f => f.Managed!.JittedMethods);
            Count("IL bytes compiled", f => f.Managed!.JittedIlBytes);
            Count("assemblies loaded", f => f.Managed!.Assemblies);
        }

        Count("threads", f => f.Threads);
        Count("open descriptors (less runtime .dll/.pdb)", f => f.FileDescriptors);
        text.AppendLine(CultureInfo.InvariantCulture, $"Delivered in the last 5 s: WLED {delivered.Wled} datagrams, Hue {delivered.Hue} frames, MQTT {delivered.Mqtt} messages; {delivered.Frames} frames analysed.");
        text.AppendLine(CultureInfo.InvariantCulture, $"Peak: resident {Mb(samples.Max(s => s.Footprint.ResidentBytes))} MB, threads {samples.Max(s => s.Footprint.Threads)}, descriptors {samples.Max(s => s.Footprint.FileDescriptors)}.");
        text.AppendLine(CultureInfo.InvariantCulture, $"Warnings and errors logged: {warnings}.");
        text.AppendLine("Every 30 s, from the end of the first round; the baseline is marked * (s: resident = GC + arenas + [heap] + code + other anonymous + files, MB; threads; descriptors"
            + (baseline.Managed is null ? "" : "; untrimmed MB; GC heap MB; methods; IL KB; assemblies") + "):");
        var next = TimeSpan.Zero;
        foreach (var (at, f) in samples)
        {
            if (at < next && !ReferenceEquals(f, baseline))
            {
                continue;
            }

            next = at + TimeSpan.FromSeconds(28);
            var m = f.Map;
            text.Append(CultureInfo.InvariantCulture, $"  {at.TotalSeconds:0}{(ReferenceEquals(f, baseline) ? "*" : "")}: {Mb(f.ResidentBytes)} = {Mb(m.GcBytes)} + {Mb(m.ArenaBytes)} + {Mb(m.MainHeapBytes)} + {Mb(m.CodeBytes)} + {Mb(m.OtherAnonymousBytes)} + {Mb(m.FileBytes)}; {f.Threads}; {f.FileDescriptors}");
            if (f.Managed is { } managed)
            {
                text.Append(CultureInfo.InvariantCulture, $"; {Mb(managed.ResidentUntrimmedBytes)}; {Mb(managed.GcHeapBytes)}; {managed.JittedMethods}; {managed.JittedIlBytes / 1024}; {managed.Assemblies}");
            }

            text.AppendLine();
        }

        return text.ToString();
    }

    private static string Mb(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("0.00", CultureInfo.InvariantCulture);

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
