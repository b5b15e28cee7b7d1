using DominantColors.Colors;

namespace DominantColors.Outputs;

/// <summary>
/// The latest colors for the lights one sink drives: a latest-wins slot between the pipeline and that sink.
/// The pipeline publishes every frame; the sink reads whenever it is ready, so a slow sink skips stale colors
/// instead of queuing them, and never slows the pipeline. Publishing copies into a fixed buffer and allocates nothing.
/// </summary>
public sealed class LightFeed : IDisposable
{
    private readonly Lock _gate = new();
    private readonly Rgb24[] _colors;
    private readonly SemaphoreSlim _signal = new(0, 1);
    private long _version;
    private long _timestamp;

    /// <param name="lightNames">The lights of this sink, in the order of the colors published.</param>
    public LightFeed(IReadOnlyList<string> lightNames)
    {
        ArgumentNullException.ThrowIfNull(lightNames);
        LightNames = lightNames;
        _colors = new Rgb24[lightNames.Count];
    }

    public IReadOnlyList<string> LightNames { get; }

    /// <summary>How many times colors were published; 0 before the first.</summary>
    public long Version => Volatile.Read(ref _version);

    /// <summary>Replaces the latest colors (one per light, in <see cref="LightNames"/> order) and wakes the reader.</summary>
    public void Publish(ReadOnlySpan<Rgb24> colors, long timestamp)
    {
        if (colors.Length != _colors.Length)
        {
            throw new ArgumentException($"Expected {_colors.Length} colors, got {colors.Length}.", nameof(colors));
        }

        lock (_gate)
        {
            colors.CopyTo(_colors);
            _timestamp = timestamp;
            _version++;
        }

        if (_signal.CurrentCount == 0)
        {
            try
            {
                _signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another publish signalled in between: one wake-up is enough.
            }
        }
    }

    /// <summary>Copies the latest colors into <paramref name="destination"/> and returns their version (0: none yet).</summary>
    public long CopyLatest(Span<Rgb24> destination, out long timestamp)
    {
        lock (_gate)
        {
            _colors.CopyTo(destination);
            timestamp = _timestamp;
            return _version;
        }
    }

    public void Dispose() => _signal.Dispose();

    /// <summary>Waits until colors newer than <paramref name="seenVersion"/> have been published.</summary>
    public async ValueTask WaitForNewerAsync(long seenVersion, CancellationToken cancellationToken)
    {
        while (Version <= seenVersion)
        {
            await _signal.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
