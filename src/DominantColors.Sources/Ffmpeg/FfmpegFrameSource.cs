using System.ComponentModel;
using DominantColors.Frames;
using DominantColors.Outputs;
using DominantColors.Sources.Capture;
using Microsoft.Extensions.Logging;

namespace DominantColors.Sources.Ffmpeg;

/// <summary>
/// Frames from any input ffmpeg can open, scaled by ffmpeg to the analysis size. A reader thread drains ffmpeg's
/// stdout continuously and keeps only the newest frame, so a slow consumer never builds lag in the pipe; a
/// supervisor restarts ffmpeg with exponential backoff when it exits or stops delivering frames.
/// </summary>
public sealed class FfmpegFrameSource : IFrameSource
{
    private readonly FfmpegSourceOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly FramePool _pool;
    private readonly LatestFrameSlot _slot = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<string> _arguments;
    private readonly long _stallTicks;
    private Task? _supervisor;
    private FfmpegProcess? _current;
    private long _sequence;
    private bool _frameSeen;
    private DeadlineTimer? _watchdog;
    private long _restarts;

    public FfmpegFrameSource(FfmpegSourceOptions options, int width, int height, TimeProvider timeProvider, ILogger<FfmpegFrameSource> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
        _pool = new FramePool(width, height);
        _arguments = FfmpegArguments.Build(options, width, height);
        _stallTicks = (long)(options.StallTimeout.TotalSeconds * timeProvider.TimestampFrequency);
        Name = "ffmpeg:" + (options.Input.Length <= 48 ? options.Input : string.Concat(options.Input.AsSpan(0, 47), "…"));
    }

    public string Name { get; }

    /// <summary>How often ffmpeg was restarted after exiting or stalling.</summary>
    public long Restarts => Interlocked.Read(ref _restarts);

    /// <summary>Frames replaced by a newer one before the consumer read them.</summary>
    public long DroppedFrames => _slot.Dropped;

    /// <summary>The running ffmpeg's process id, if one is running.</summary>
    internal int? ProcessId => Volatile.Read(ref _current)?.Id;

    /// <summary>Finds ffmpeg and starts it; throws <see cref="FileNotFoundException"/> when ffmpeg is not installed.</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (_supervisor is not null)
        {
            throw new InvalidOperationException($"Source {Name} was started already.");
        }

        var executable = ResolveExecutable(_options.FfmpegPath) ?? throw new FileNotFoundException(
            $"ffmpeg was not found (source.ffmpegPath is '{_options.FfmpegPath}'). Install it with 'sudo apt install ffmpeg', or set source.ffmpegPath to the ffmpeg binary.",
            _options.FfmpegPath);
        FfmpegProcess process;
        try
        {
            process = FfmpegProcess.Start(executable, _arguments);
        }
        catch (Win32Exception ex)
        {
            throw new FileNotFoundException(
                $"ffmpeg at '{executable}' could not be started ({ex.Message}). Install it with 'sudo apt install ffmpeg', or set source.ffmpegPath to the ffmpeg binary.",
                executable,
                ex);
        }

        Log.FfmpegStarted(_logger, Name, process.Id, string.Join(' ', _arguments));
        Volatile.Write(ref _current, process);
        _supervisor = Task.Run(() => SuperviseAsync(executable, process, _stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    public ValueTask<Frame?> ReadFrameAsync(CancellationToken cancellationToken)
    {
        if (_supervisor is null)
        {
            throw new InvalidOperationException($"Source {Name} must be started before frames are read.");
        }

        return _slot.TakeAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_supervisor is not null)
        {
            await _supervisor.ConfigureAwait(false);
        }

        _slot.Dispose();
        _stopping.Dispose();
    }

    private static string? ResolveExecutable(string nameOrPath)
    {
        if (nameOrPath.Contains('/', StringComparison.Ordinal))
        {
            return File.Exists(nameOrPath) ? nameOrPath : null;
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? "/usr/local/bin:/usr/bin:/bin";
        foreach (var directory in path.Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, nameOrPath);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private async Task SuperviseAsync(string executable, FfmpegProcess first, CancellationToken stopping)
    {
        FfmpegProcess? process = first;
        var exitCode = -1;
        long frames = 0;
        string? lastError = null;

        // An episode of restarts (until a run delivers frames) is logged once; later restarts in it at Debug.
        var backoff = new ReconnectBackoff(_options.RestartDelay, _options.MaxRestartDelay, _timeProvider)
        {
            FirstFailure = f => Log.FfmpegRestarting(_logger, Name, f.Reason, exitCode, frames, f.Delay, lastError ?? "nothing"),
            RepeatedFailure = f => Log.FfmpegStillRestarting(_logger, Name, f.Reason, exitCode, frames, f.Attempt, f.Delay, lastError ?? "nothing"),
        };
        try
        {
            while (true)
            {
                string reason;
                exitCode = -1;
                frames = 0;
                if (process is null)
                {
                    reason = "could not be started";
                    lastError = null;
                }
                else
                {
                    Volatile.Write(ref _current, process);
                    (frames, var stall) = await PumpAsync(process, stopping).ConfigureAwait(false);
                    exitCode = await process.StopAsync().ConfigureAwait(false);
                    lastError = process.LastErrorLine;
                    Volatile.Write(ref _current, null);
                    process.Dispose();
                    process = null;
                    stopping.ThrowIfCancellationRequested();
                    if (stall is null && exitCode == 0 && !_options.RestartAtEnd)
                    {
                        Log.FfmpegInputEnded(_logger, Name, frames);
                        _slot.Complete();
                        return;
                    }

                    reason = stall ?? (exitCode == 0 ? "reached the end of its input" : "exited");
                }

                if (frames > 0)
                {
                    // It ran and delivered: this end starts a new episode.
                    backoff.Reset();
                }

                Interlocked.Increment(ref _restarts);
                await Task.Delay(backoff.Fail(reason), _timeProvider, stopping).ConfigureAwait(false);
                try
                {
                    process = FfmpegProcess.Start(executable, _arguments);
                    Log.FfmpegStarted(_logger, Name, process.Id, string.Join(' ', _arguments));
                }
                catch (Win32Exception ex)
                {
                    Log.FfmpegStartFailed(_logger, Name, executable, ex.Message);
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            process?.Dispose();
            _slot.Complete();
        }
        catch (Exception ex)
        {
            // A fault in supervision itself is not something a restart mends: the reader gets it.
            process?.Dispose();
            Log.FfmpegSupervisionFailed(_logger, Name, ex);
            _slot.Complete(ex);
        }
    }

    /// <summary>
    /// Reads frames until ffmpeg's stdout ends, while watching for a stall: no frame for the start-up allowance after
    /// the start, or for the stall timeout once frames flow, kills the process tree, which ends stdout and the reader
    /// with it. Each frame moves the watchdog's deadline on (<see cref="OnFrame"/>), so it fires only for a stall.
    /// Returns how many frames came and, when it was a stall, the reason for the restart log.
    /// </summary>
    private async Task<(long Frames, string? Stall)> PumpAsync(FfmpegProcess process, CancellationToken stopping)
    {
        var stalled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var start = _timeProvider.GetTimestamp();
        using var watchdog = new DeadlineTimer(_timeProvider, static state => ((TaskCompletionSource)state!).TrySetResult(), stalled);
        Volatile.Write(ref _frameSeen, false);
        Volatile.Write(ref _watchdog, watchdog);
        watchdog.Set(start + (long)(_options.StartAllowance.TotalSeconds * _timeProvider.TimestampFrequency), start);
        var frames = new FfmpegFrameReader(process.Output, _pool, _slot, _timeProvider, OnFrame).Start();
        string? stall = null;
        try
        {
            if (await Task.WhenAny(frames, stalled.Task).WaitAsync(stopping).ConfigureAwait(false) != frames)
            {
                stall = Volatile.Read(ref _frameSeen)
                    ? $"stalled: no frame within stallTimeout {_options.StallTimeout:c}"
                    : $"stalled: no first frame within startTimeout {_options.StartAllowance:c}";
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Stopping: the process goes below, and the supervisor ends.
        }

        Volatile.Write(ref _watchdog, null);
        process.Kill();
        return (await frames.ConfigureAwait(false), stall);
    }

    /// <summary>
    /// Called by the reader for each whole frame: numbers it, ends the start-up allowance and moves the stall deadline
    /// on (a timer change every quarter of the stall timeout, not one per frame).
    /// </summary>
    private void OnFrame(Frame frame)
    {
        frame.Sequence = _sequence++;
        Volatile.Write(ref _frameSeen, true);
        Volatile.Read(ref _watchdog)?.Set(frame.Timestamp + _stallTicks, frame.Timestamp);
    }
}
