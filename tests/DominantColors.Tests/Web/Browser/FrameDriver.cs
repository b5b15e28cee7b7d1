using DominantColors.Colors;
using DominantColors.Web.Preview;

namespace DominantColors.Tests.Web.Browser;

/// <summary>Publishes a solid-color snapshot every 50 ms, as a pipeline would, until disposed; the color can change.</summary>
internal sealed class FrameDriver : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _packedColor;

    private FrameDriver(PreviewExchange exchange, Rgb24 color)
    {
        Color = color;
        _loop = RunAsync(exchange, _stop.Token);
    }

    public Rgb24 Color
    {
        get
        {
            var packed = Volatile.Read(ref _packedColor);
            return new Rgb24((byte)(packed >> 16), (byte)(packed >> 8), (byte)packed);
        }

        set => Volatile.Write(ref _packedColor, (value.R << 16) | (value.G << 8) | value.B);
    }

    public static FrameDriver Start(PreviewExchange exchange, Rgb24 color) => new(exchange, color);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }

    private async Task RunAsync(PreviewExchange exchange, CancellationToken cancellationToken)
    {
        var writer = new SnapshotWriter(exchange);
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        long sequence = 0;
        try
        {
            do
            {
                var now = TimeProvider.System.GetTimestamp();
                if (exchange.FrameAnalysed(now))
                {
                    writer.PublishSolid(Color, sequence, now);
                }

                sequence++;
            }
            while (await timer.WaitForNextTickAsync(cancellationToken));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }
}
