using DominantColors.Configuration;
using DominantColors.Sources;
using DominantColors.Sources.Hosting;
using DominantColors.Testing.Hosting;
using static DominantColors.Testing.Hosting.SourceSections;

namespace DominantColors.Sources.Tests.Hosting;

public sealed class HyperionSourceFactoryTests
{
    [Fact]
    public void Validate_DefaultsOnLoopback_HasNoErrors()
    {
        var errors = new ConfigErrors();

        new HyperionSourceFactory().Validate(Section(), errors);

        Assert.False(errors.HasErrors, errors.ToString());
    }

    [Fact]
    public void Validate_BeyondLoopbackWithAllowList_HasNoErrors()
    {
        var errors = new ConfigErrors();

        new HyperionSourceFactory().Validate(Section(("address", "0.0.0.0"), ("allow:0", "192.168.1.40"), ("allow:1", "192.168.2.0/24")), errors);

        Assert.False(errors.HasErrors, errors.ToString());
    }

    [Fact]
    public void Validate_BeyondLoopbackWithoutAllowList_ErrorAtAllowSayingWhy()
    {
        var errors = new ConfigErrors();

        new HyperionSourceFactory().Validate(Section(("address", "0.0.0.0")), errors);

        var error = Assert.Single(errors.Errors);
        Assert.Equal("source.allow", error.Path);
        Assert.Contains("no token", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BadValues_NamesEachKeyPath()
    {
        var errors = new ConfigErrors();

        new HyperionSourceFactory().Validate(Section(("address", "tv.local"), ("port", "70000"), ("timeout", "00:00:00"), ("allow:0", "192.168.1.0/40")), errors);

        Assert.Equal(["source.address", "source.port", "source.timeout", "source.allow[0]"], errors.Errors.Select(e => e.Path));
    }

    [Fact]
    public async Task Create_GoodSection_BuildsTheSourceNamedByItsEndPoint()
    {
        var context = Context();

        var factory = new HyperionSourceFactory();
        var section = Section(("port", "19444"));
        var errors = new ConfigErrors();
        factory.Validate(section, errors);
        Assert.False(errors.HasErrors, errors.ToString());

        await using var source = factory.Create(section, context);

        Assert.Equal("hyperion:127.0.0.1:19444", source.Name);
    }

    private static SourceSection Section(params (string Key, string Value)[] values) => SourceSections.Section("hyperion", values);
}
