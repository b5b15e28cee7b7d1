using DominantColors.Frames;
using DominantColors.Outputs;
using DominantColors.Sources.Capture;
using Microsoft.Extensions.Logging;

namespace DominantColors.Sources.V4l2;

/// <summary>
/// Frames from a V4L2 capture device read natively: a reader thread polls (with a timeout, never blocking for
/// good), converts each YUYV / UYVY / NV12 buffer straight from the mapped memory into a pooled analysis-size
/// frame and keeps only the newest. A device that is missing at start, unplugged or silent is reopened with
/// backoff; each episode is logged once.
/// </summary>
public sealed class V4l2FrameSource : IFrameSource
{
    private readonly V4l2SourceOptions _options;
    private readonly int _width;
    private readonly int _height;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly Func<string, IV4l2Device> _open;
    private readonly FramePool _pool;
    private readonly LatestFrameSlot _slot = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ReconnectBackoff _backoff;
    private V4l2CaptureSession? _session;
    private Thread? _reader;
    private TimeSpan _startDelay;
    private long _sequence;
    private long _reopens;
    private long _incompleteFrames;

    public V4l2FrameSource(V4l2SourceOptions options, int width, int height, TimeProvider timeProvider, ILogger<V4l2FrameSource> logger)
        : this(options, width, height, timeProvider, logger, V4l2Device.Open)
    {
    }

    internal V4l2FrameSource(V4l2SourceOptions options, int width, int height, TimeProvider timeProvider, ILogger logger, Func<string, IV4l2Device> open)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        _options = options;
        _width = width;
        _height = height;
        _timeProvider = timeProvider;
        _logger = logger;
        _open = open;
        _pool = new FramePool(width, height);
        Name = "v4l2:" + options.Device;

        // One line per episode: missing at start or lost, then Debug lines while it stays away, and one when it is back.
        _backoff = new ReconnectBackoff(options.ReopenDelay, options.MaxReopenDelay, timeProvider)
        {
            FirstFailure = f =>
            {
                if (_reader is null)
                {
                    Log.V4l2Waiting(_logger, Name, f.Reason);
                }
                else
                {
                    Log.V4l2Lost(_logger, Name, f.Reason, f.Delay);
                }
            },
            RepeatedFailure = f => Log.V4l2StillFailing(_logger, Name, f.Reason, f.Delay),
            Recovered = _ => Log.V4l2Recovered(_logger, Name),
        };
    }

    public string Name { get; }

    /// <summary>How often the device was opened again after it went missing, failed or went quiet.</summary>
    public long Reopens => Interlocked.Read(ref _reopens);

    /// <summary>Frames replaced by a newer one before the consumer read them.</summary>
    public long DroppedFrames => _slot.Dropped;

    /// <summary>Buffers skipped because the driver filled fewer bytes (bytesused) than a whole frame needs.</summary>
    public long IncompleteFrames => Interlocked.Read(ref _incompleteFrames);

    /// <summary>
    /// Opens and starts the device if it is there (if not, the reader keeps trying: grabbers appear late at boot).
    /// Throws <see cref="NotSupportedException"/> for a device this source cannot read, e.g. MJPEG only.
    /// </summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (_reader is not null)
        {
            throw new InvalidOperationException($"Source {Name} was started already.");
        }

        try
        {
            _session = V4l2CaptureSession.Start(_open(_options.Device), _options, _width, _height);
            Log.V4l2Streaming(_logger, Name, _session.Description);
        }
        catch (V4l2Exception ex)
        {
            _startDelay = _backoff.Fail(ex);
        }

        _reader = new Thread(Run) { IsBackground = true, Name = "v4l2 frame reader" };
        _reader.Start();
        return Task.CompletedTask;
    }

    public ValueTask<Frame?> ReadFrameAsync(CancellationToken cancellationToken)
    {
        if (_reader is null)
        {
            throw new InvalidOperationException($"Source {Name} must be started before frames are read.");
        }

        return _slot.TakeAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_reader is not null)
        {
            await _stopped.Task.ConfigureAwait(false);
        }

        _session?.Dispose();
        _slot.Dispose();
        _stopping.Dispose();
    }

    private void Run()
    {
        var stopping = _stopping.Token;
        try
        {
            // Missing at start: the first attempt waits like any other after a failure.
            if (_session is null && !WaitBeforeReopen(_startDelay, stopping))
            {
                return;
            }

            while (!stopping.IsCancellationRequested)
            {
                string fault;
                try
                {
                    if (_session is null)
                    {
                        Interlocked.Increment(ref _reopens);
                        _session = V4l2CaptureSession.Start(_open(_options.Device), _options, _width, _height);
                        Log.V4l2Streaming(_logger, Name, _session.Description);
                    }

                    if (Stream(_session))
                    {
                        return;
                    }

                    fault = $"no frame for {_options.StallTimeout.TotalSeconds:0.#} s";
                }
                catch (V4l2Exception ex)
                {
                    fault = ex.Message;
                }

                _session?.Dispose();
                _session = null;
                if (!WaitBeforeReopen(_backoff.Fail(fault), stopping))
                {
                    return;
                }
            }
        }
        catch (Exception ex)
        {
            // Not a device fault that reopening mends (MJPEG only, not a capture device, a bug): the reader gets it.
            // Nothing may escape a dedicated thread, which would end the process.
            Log.V4l2Unusable(_logger, Name, ex.Message);
            _slot.Complete(ex);
        }
        finally
        {
            _slot.Complete();
            _stopped.TrySetResult();
        }
    }

    /// <summary>Delivers frames until stopped (true) or until the device goes quiet for the stall timeout (false).</summary>
    private bool Stream(V4l2CaptureSession session)
    {
        var device = session.Device;
        var converter = session.Converter;
        var pollMilliseconds = (int)Math.Clamp(_options.StallTimeout.TotalMilliseconds / 4, 10, 500);
        var lastFrame = _timeProvider.GetTimestamp();
        var stopping = _stopping.Token;

        // Hot loop: poll, dequeue, convert from the mapped buffer into a pooled frame, queue back. No allocation.
        while (!stopping.IsCancellationRequested)
        {
            if (!device.TryDequeue(pollMilliseconds, out var index, out var bytesUsed))
            {
                if (_timeProvider.GetElapsedTime(lastFrame) >= _options.StallTimeout)
                {
                    return false;
                }

                continue;
            }

            lastFrame = _timeProvider.GetTimestamp();
            try
            {
                if (bytesUsed < converter.RequiredBytes)
                {
                    Interlocked.Increment(ref _incompleteFrames);
                    continue;
                }

                var frame = _pool.Rent(lastFrame);
                converter.Convert(device.GetBuffer(index)[..bytesUsed], frame.PixelsToWrite);
                frame.Sequence = _sequence++;
                _slot.Publish(frame);
            }
            finally
            {
                device.Queue(index);
            }

            // A field read while all is well; ends a fault episode with one line.
            _backoff.Succeed();
        }

        return true;
    }

    /// <summary>Waits on the injected clock; false when the source is stopping.</summary>
    private bool WaitBeforeReopen(TimeSpan delay, CancellationToken stopping)
    {
        using var wake = new ManualResetEventSlim();
        using var timer = _timeProvider.CreateTimer(static state => Wake((ManualResetEventSlim)state!), wake, delay, Timeout.InfiniteTimeSpan);
        try
        {
            wake.Wait(stopping);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static void Wake(ManualResetEventSlim wake)
    {
        try
        {
            wake.Set();
        }
        catch (ObjectDisposedException)
        {
            // The wait ended (stopping) before the timer fired.
        }
    }
}
