using System.Threading.Channels;
using DominantColors.Colors;
using DominantColors.Leds.Streaming;

namespace DominantColors.Leds.Tests.Fakes;

/// <summary>A transport that records every frame; it can fail a number of opens first, like a port not yet plugged in.</summary>
internal sealed class RecordingTransport(int failingOpens = 0) : ILedTransport
{
    private int _failingOpens = failingOpens;

    public Channel<Rgb24[]> Frames { get; } = Channel.CreateUnbounded<Rgb24[]>();

    public int Opens { get; private set; }

    public int Stops { get; private set; }

    public string Target => "recording";

    public string StopAction => "recorded";

    public ValueTask OpenAsync(CancellationToken cancellationToken)
    {
        Opens++;
        if (_failingOpens > 0)
        {
            _failingOpens--;
            throw new IOException("No such device");
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask SendAsync(ReadOnlyMemory<Rgb24> leds, CancellationToken cancellationToken)
    {
        Frames.Writer.TryWrite(leds.ToArray());
        return ValueTask.CompletedTask;
    }

    public ValueTask StopAsync(CancellationToken cancellationToken)
    {
        Stops++;
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    public Task<Rgb24[]> NextAsync() => Frames.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
}
