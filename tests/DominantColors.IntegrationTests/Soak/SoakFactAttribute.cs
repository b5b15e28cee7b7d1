using Xunit.Sdk;

namespace DominantColors.IntegrationTests.Soak;

/// <summary>
/// A test that exists only when <c>SOAK_MINUTES</c> is set. Without it the discoverer yields no test case at all, so
/// the normal run (and CI) neither runs it nor reports it as skipped; <c>.ci/test</c> prints a line saying it was not
/// run and how to run it.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
[XunitTestCaseDiscoverer("DominantColors.IntegrationTests.Soak.SoakTestDiscoverer", "DominantColors.IntegrationTests")]
public sealed class SoakFactAttribute : FactAttribute
{
}
