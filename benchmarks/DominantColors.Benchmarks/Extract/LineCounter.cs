using System.Diagnostics;
using System.Text;

namespace DominantColors.Benchmarks.Extract;

/// <summary>
/// Stdout for the memory measurement: counts the lines (one per input with jsonl) and every tenth of
/// <c>total</c> prints the managed heap after a full collection and the process's working set.
/// </summary>
internal sealed class LineCounter(int total) : TextWriter
{
    private readonly int _step = Math.Max(1, total / 10);

    public override Encoding Encoding => Encoding.UTF8;

    public int Lines { get; private set; }

    public override void Write(char value)
    {
        if (value != '\n')
        {
            return;
        }

        Lines++;
        if (Lines % _step == 0)
        {
            var heap = GC.GetTotalMemory(forceFullCollection: true) / 1e6;
            using var process = Process.GetCurrentProcess();
            Console.WriteLine($"{Lines,8} inputs: heap {heap,7:0.0} MB, working set {process.WorkingSet64 / 1e6,7:0.0} MB, load {ExtractMeasurement.LoadAverage()}");
        }
    }

    public override void Write(string? value)
    {
        foreach (var c in value ?? string.Empty)
        {
            Write(c);
        }
    }
}
