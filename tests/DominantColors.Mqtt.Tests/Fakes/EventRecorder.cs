using System.Threading.Channels;

namespace DominantColors.Mqtt.Tests.Fakes;

/// <summary>Records events raised on another thread so a test can await a particular one.</summary>
internal sealed class EventRecorder<T>
{
    private readonly Channel<T> _events = Channel.CreateUnbounded<T>();

    public void Add(T value) => _events.Writer.TryWrite(value);

    /// <summary>Consumes events until <paramref name="expected"/> arrives.</summary>
    public async Task WaitForAsync(T expected, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(15));
        while (!EqualityComparer<T>.Default.Equals(await _events.Reader.ReadAsync(cts.Token), expected))
        {
        }
    }
}
