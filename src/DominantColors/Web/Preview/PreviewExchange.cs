namespace DominantColors.Web.Preview;

/// <summary>
/// Hands preview snapshots from the pipeline to the web page at a modest rate. The pipeline calls
/// <see cref="FrameAnalysed"/> once per frame (a store and a comparison), and only when it answers true fills its own back buffer and swaps it
/// in with <see cref="Publish"/>; readers copy the latest snapshot into buffers of their own under the same short lock.
/// Nothing here allocates after construction, so the analysis loop stays allocation-free.
/// </summary>
internal sealed class PreviewExchange
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly long _watchedInterval;
    private readonly long _idleInterval;
    private PreviewSnapshot _latest = new();
    private long _version;
    private long _lastPublished;
    private long _lastFrame;
    private int _watchers;

    /// <param name="time">The clock that paces snapshots.</param>
    /// <param name="watchedRate">Snapshots per second while a page watches (at most 10 is plenty for the eye).</param>
    /// <param name="idleRate">Snapshots per second while nobody watches, which keeps <c>/api/status</c> fresh.</param>
    public PreviewExchange(TimeProvider time, double watchedRate = 10, double idleRate = 1)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(watchedRate);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(idleRate);
        _time = time;
        _watchedInterval = (long)(time.TimestampFrequency / watchedRate);
        _idleInterval = (long)(time.TimestampFrequency / idleRate);
        _lastPublished = long.MinValue / 2;
    }

    /// <summary>How many snapshots were published; 0 before the first.</summary>
    public long Version => Volatile.Read(ref _version);

    /// <summary>Pages currently streaming the preview.</summary>
    public int Watchers => Volatile.Read(ref _watchers);

    /// <summary>When the pipeline last analysed a frame, in <see cref="TimeProvider.GetTimestamp"/> ticks; 0 before the first.</summary>
    public long LastFrameTimestamp => Volatile.Read(ref _lastFrame);

    /// <summary>
    /// Notes that the frame read at <paramref name="timestamp"/> went through analysis (the health check's heartbeat)
    /// and answers whether the pipeline should publish a snapshot of it now.
    /// </summary>
    public bool FrameAnalysed(long timestamp)
    {
        Volatile.Write(ref _lastFrame, timestamp);
        var interval = Volatile.Read(ref _watchers) > 0 ? _watchedInterval : _idleInterval;
        return timestamp - Volatile.Read(ref _lastPublished) >= interval;
    }

    /// <summary>
    /// Makes <paramref name="filled"/> the latest snapshot and returns the previous one, for the caller to fill next
    /// time. The caller must not touch <paramref name="filled"/> afterwards.
    /// </summary>
    public PreviewSnapshot Publish(PreviewSnapshot filled)
    {
        ArgumentNullException.ThrowIfNull(filled);
        lock (_gate)
        {
            var previous = _latest;
            _latest = filled;
            _version++;
            Volatile.Write(ref _lastPublished, filled.Timestamp == 0 ? _time.GetTimestamp() : filled.Timestamp);
            return previous;
        }
    }

    /// <summary>Copies the latest snapshot into <paramref name="destination"/> and returns its version (0: none yet).</summary>
    public long CopyLatest(PreviewSnapshot destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        lock (_gate)
        {
            _latest.CopyTo(destination);
            return _version;
        }
    }

    /// <summary>Marks a page as watching until the returned scope is disposed, raising the snapshot rate.</summary>
    public WatchScope Watch()
    {
        Interlocked.Increment(ref _watchers);
        return new WatchScope(this);
    }

    /// <summary>Ends one page's interest in the preview.</summary>
    internal readonly struct WatchScope(PreviewExchange exchange) : IDisposable
    {
        public void Dispose() => Interlocked.Decrement(ref exchange._watchers);
    }
}
