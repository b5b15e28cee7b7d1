using DominantColors.Frames;

namespace DominantColors.Sources.Pattern;

/// <summary>
/// A built-in animated test scene that needs no hardware: the demo source and the pipeline's test input. Every frame
/// is a pure function of the time since start (see <see cref="PatternScene"/>), so a fake clock gives exact frames.
/// Frames come at a steady rate from a <see cref="PeriodicTimer"/> on the given <see cref="TimeProvider"/>.
/// </summary>
public sealed class PatternFrameSource : IFrameSource
{
    private readonly FramePool _pool;
    private readonly PatternScene _scene;
    private readonly TimeProvider _time;
    private readonly TimeSpan _interval;
    private PeriodicTimer? _timer;
    private long _start;
    private long _sequence;

    /// <param name="width">Frame width (the analysis size).</param>
    /// <param name="height">Frame height.</param>
    /// <param name="framesPerSecond">How many frames per second the scene plays at.</param>
    /// <param name="scene">What the scene shows over time.</param>
    /// <param name="timeProvider">The clock frames are paced and stamped by.</param>
    public PatternFrameSource(int width, int height, double framesPerSecond, PatternScene scene, TimeProvider timeProvider)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(framesPerSecond);
        ArgumentNullException.ThrowIfNull(scene);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _pool = new FramePool(width, height);
        _scene = scene;
        _time = timeProvider;
        _interval = TimeSpan.FromSeconds(1.0 / framesPerSecond);
    }

    public string Name => "pattern";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _start = _time.GetTimestamp();
        _timer = new PeriodicTimer(_interval, _time);
        return Task.CompletedTask;
    }

    /// <summary>The first frame comes at once, then one per interval. Allocates nothing once the pool is warm.</summary>
    public async ValueTask<Frame?> ReadFrameAsync(CancellationToken cancellationToken)
    {
        var timer = _timer ?? throw new InvalidOperationException("StartAsync must run before ReadFrameAsync.");
        if (_sequence > 0 && !await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var now = _time.GetTimestamp();
        var frame = _pool.Rent(now);
        frame.Sequence = _sequence++;
        _scene.Render(_time.GetElapsedTime(_start, now), frame.Width, frame.Height, frame.PixelsToWrite);
        return frame;
    }

    public ValueTask DisposeAsync()
    {
        _timer?.Dispose();
        return ValueTask.CompletedTask;
    }
}
