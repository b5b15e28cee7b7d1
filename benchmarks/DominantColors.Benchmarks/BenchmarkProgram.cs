using BenchmarkDotNet.Running;

namespace DominantColors.Benchmarks;

/// <summary>Runs the benchmarks named on the command line, e.g. <c>--filter *KMeans*</c>.</summary>
public static class BenchmarkProgram
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
}
