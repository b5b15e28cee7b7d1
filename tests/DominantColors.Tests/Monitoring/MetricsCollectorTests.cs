using System.Diagnostics.Metrics;
using DominantColors.Monitoring;
using Microsoft.Extensions.DependencyInjection;

namespace DominantColors.Tests.Monitoring;

public sealed class MetricsCollectorTests
{
    [Fact]
    public void Families_TwoHostsInOneProcess_CollectsOnlyTheMetersOfItsOwnFactory()
    {
        using var ours = new ServiceCollection().AddMetrics().BuildServiceProvider();
        using var theirs = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var ourFactory = ours.GetRequiredService<IMeterFactory>();
        using var collector = new MetricsCollector(TimeProvider.System, MetricsCollector.DaemonMeterPrefix, ourFactory);

        ourFactory.Create("DominantColors.Pipeline").CreateCounter<long>("dominant_colors.frames").Add(3);
        theirs.GetRequiredService<IMeterFactory>().Create("DominantColors.Pipeline").CreateCounter<long>("dominant_colors.frames").Add(40);

        var family = Assert.Single(collector.Families, f => f.Instrument.Meter.Name == "DominantColors.Pipeline");
        var total = 0.0;
        family.Read(0, (_, _, all) => total = all.Sum(s => s.Value));
        Assert.Equal(3, total);
    }
}
