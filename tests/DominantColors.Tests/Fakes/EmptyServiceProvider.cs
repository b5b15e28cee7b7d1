namespace DominantColors.Tests.Fakes;

/// <summary>A service provider with nothing in it, for factories that need none.</summary>
public sealed class EmptyServiceProvider : IServiceProvider
{
    public object? GetService(Type serviceType) => null;
}
