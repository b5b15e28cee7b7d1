using BenchmarkDotNet.Running;

namespace DominantColors.Benchmarks;

/// <summary>Runs the benchmarks named on the command line, e.g. <c>--filter *KMeans*</c>, the capture measurement (<c>capture-measure [seconds]</c>) or the color engine's CPU time (<c>engine-measure</c>).</summary>
public static class BenchmarkProgram
{
    public static async Task Main(string[] args)
    {
        if (args is ["capture-measure", ..])
        {
            await Capture.CaptureMeasurement.RunAsync(args).ConfigureAwait(false);
            return;
        }

        if (args is ["engine-measure", ..])
        {
            Extraction.EngineMeasurement.Run();
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
    }
}
