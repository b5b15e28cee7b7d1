using BenchmarkDotNet.Running;

namespace DominantColors.Benchmarks;

/// <summary>Runs the benchmarks named on the command line, e.g. <c>--filter *KMeans*</c>, or the capture measurement (<c>capture-measure [seconds]</c>).</summary>
public static class BenchmarkProgram
{
    public static async Task Main(string[] args)
    {
        if (args is ["capture-measure", ..])
        {
            await Capture.CaptureMeasurement.RunAsync(args).ConfigureAwait(false);
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
    }
}
