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

    /// <summary>
    /// <c>SOAK_DAEMON=in-process</c>: drive the daemon's host inside the test process (GC and JIT figures, peers
    /// included) instead of the published app as its own process (the default).
    /// </summary>
    public static bool InProcess => string.Equals(Environment.GetEnvironmentVariable("SOAK_DAEMON"), "in-process", StringComparison.Ordinal);

    /// <summary><c>SOAK_APP</c>: a published <c>dominant-colors.dll</c> to run instead of publishing this checkout.</summary>
    public static string? App => Environment.GetEnvironmentVariable("SOAK_APP") is { Length: > 0 } path ? path : null;
}
