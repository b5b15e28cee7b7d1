using BenchmarkDotNet.Running;

namespace DominantColors.Benchmarks;

/// <summary>
/// Runs the benchmarks named on the command line, e.g. <c>--filter *KMeans*</c>, or one measurement mode: capture
/// (<c>capture-measure [seconds]</c>), the color engine's CPU time (<c>engine-measure</c>), the pipeline's CPU time
/// (<c>pipeline-cpu</c>), the pipeline stages' CPU time (<c>stages-cpu</c>) or the daemon's start-up and memory
/// (<c>daemon-measure PUBLISHED_DIR</c>).
/// </summary>
public static class BenchmarkProgram
{
    public static async Task Main(string[] args)
    {
        if (args is ["capture-measure", ..])
        {
            await Capture.CaptureMeasurement.RunAsync(args).ConfigureAwait(false);
            return;
        }

        // The hyperion source's CPU time per image request.
        if (args is ["hyperion-measure"])
        {
            Capture.HyperionMeasurement.Run();
            return;
        }

        if (args is ["engine-measure", ..])
        {
            Extraction.EngineMeasurement.Run();
            return;
        }

        if (args is ["stages-cpu"])
        {
            PipelineStagesCpuMeasurement.Run();
            return;
        }

        if (args is ["pipeline-cpu", "paced", .. var counts])
        {
            Pipeline.PacedPipelineMeasurement.Run(counts.Length == 0 ? [3, 4, 8] : [.. counts.Select(c => int.Parse(c, System.Globalization.CultureInfo.InvariantCulture))]);
            return;
        }

        if (args is ["pipeline-cpu"])
        {
            Pipeline.PipelineCpuMeasurement.Run();
            return;
        }

        if (args is ["extract-measure", ..])
        {
            await Extract.ExtractMeasurement.RunAsync(args).ConfigureAwait(false);
            return;
        }

        if (args is ["daemon-measure", ..])
        {
            await Daemon.DaemonMeasurement.RunAsync(args).ConfigureAwait(false);
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
    }
}
