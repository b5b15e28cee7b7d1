using System.Globalization;

namespace DominantColors.IntegrationTests.Soak;

/// <summary>The soak test's knobs, from the environment.</summary>
internal static class SoakSettings
{
    /// <summary><c>SOAK_MINUTES</c>: how long the soak runs in all (warm-up included); unset or not positive: no soak test.</summary>
    public static double? Minutes =>
        double.TryParse(Environment.GetEnvironmentVariable("SOAK_MINUTES"), NumberStyles.Float, CultureInfo.InvariantCulture, out var minutes) && minutes > 0
            ? minutes
            : null;

    /// <summary><c>SOAK_REPORT</c>: a file to write the figures to (markdown), besides the test output.</summary>
    public static string? ReportPath => Environment.GetEnvironmentVariable("SOAK_REPORT") is { Length: > 0 } path ? path : null;
}
