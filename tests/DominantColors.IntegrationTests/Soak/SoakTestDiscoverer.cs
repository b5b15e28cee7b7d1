using Xunit.Abstractions;
using Xunit.Sdk;

namespace DominantColors.IntegrationTests.Soak;

/// <summary>Discovers a <see cref="SoakFactAttribute"/> test only when <see cref="SoakSettings.Minutes"/> is set.</summary>
public sealed class SoakTestDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        ArgumentNullException.ThrowIfNull(discoveryOptions);
        if (SoakSettings.Minutes is null)
        {
            return [];
        }

        return [new XunitTestCase(diagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod)];
    }
}
