using DominantColors.Frames;
using DominantColors.Sources.Ffmpeg;
using DominantColors.Sources.Tests.Fakes;
using DominantColors.Sources.Tests.Samples;

namespace DominantColors.Sources.Tests.Ffmpeg;

/// <summary>
/// The stall watchdog's two allowances, with the real ffmpeg reading a pipe the test feeds frame by frame: until the
/// first frame of each start, <c>startTimeout</c>; from then on, <c>stallTimeout</c>.
/// </summary>
public sealed class FfmpegStartTimeoutTests
{

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Theory]
    [InlineData(5, null, 15)]
    [InlineData(2, null, 15)]
    [InlineData(30, null, 30)]
    [InlineData(5, 8, 8)]
    public void StartAllowance_StartTimeoutSetOrNot_IsItOrFifteenSecondsOrStallTimeoutIfLonger(int stallSeconds, int? startSeconds, int expectedSeconds)
    {
        var options = new FfmpegSourceOptions
        {
            StallTimeout = TimeSpan.FromSeconds(stallSeconds),
            StartTimeout = startSeconds is { } start ? TimeSpan.FromSeconds(start) : null,
        };

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), options.StartAllowance);
    }

    [Fact]
    public async Task ReadFrameAsync_FirstFrameLaterThanStallTimeout_ComesFromTheFirstFfmpegWithoutRestart()
    {
        using var fifo = await FrameFifo.CreateAsync(16, 9);
        var options = PipeOptions(fifo, stall: TimeSpan.FromMilliseconds(200), start: Patience);
        var logger = new RecordingLogger<FfmpegFrameSource>();
        await using var source = new FfmpegFrameSource(options, 16, 9, TimeProvider.System, logger);
        await source.StartAsync(CancellationToken.None);
        var firstPid = source.ProcessId;

        // The input is slow to open: its first frame comes after five stall timeouts (the slowness under test, not a
        // wait for something).
        await Task.Delay(TimeSpan.FromSeconds(1));
        using var frame = await FeedUntilReadAsync(fifo, source);

        Assert.Equal(255, frame.Pixels[0]);
        Assert.Equal(0, source.Restarts);
        Assert.Equal(firstPid, source.ProcessId);
        Assert.DoesNotContain(logger.Entries, e => e.EventId == SourceEventIds.FfmpegRestarting);
    }

    [Fact]
    public async Task StallWatchdog_NoFrameYet_WaitsForStartTimeoutNotStallTimeout()
    {
        var time = new TimerCountingTimeProvider();
        using var fifo = await FrameFifo.CreateAsync(16, 9);
        var options = PipeOptions(fifo, stall: TimeSpan.FromSeconds(1), start: TimeSpan.FromSeconds(4));
        var logger = new RecordingLogger<FfmpegFrameSource>();
        await using var source = new FfmpegFrameSource(options, 16, 9, time, logger);
        await source.StartAsync(CancellationToken.None);
        var firstPid = source.ProcessId;
        await time.WaitForTimersAsync(1, Patience);

        // 3.99 s without a frame, nearly four stall timeouts but inside startTimeout. On fake time the watchdog's timer
        // fires inside Advance; a stall then kills ffmpeg and logs the restart at once, well within the half second
        // given here (the same path logs the restart below).
        time.Advance(TimeSpan.FromSeconds(3.99));
        await Task.Delay(TimeSpan.FromMilliseconds(500));

        Assert.False(logger.Entries.Any(e => e.EventId == SourceEventIds.FfmpegRestarting), "restarted inside startTimeout");
        Assert.Equal(0, source.Restarts);
        Assert.Equal(firstPid, source.ProcessId);

        time.Advance(TimeSpan.FromMilliseconds(10));
        var restart = await logger.WaitForAsync(e => e.EventId == SourceEventIds.FfmpegRestarting, Patience);

        Assert.Contains("stalled: no first frame within startTimeout 00:00:04", restart.Message, StringComparison.Ordinal);
        Assert.Contains("after 0 frames", restart.Message, StringComparison.Ordinal);
        Assert.Equal(1, source.Restarts);
    }

    [Fact]
    public async Task StallWatchdog_AfterTheFirstFrame_StallTimeoutApplies()
    {
        var time = new TimerCountingTimeProvider();
        using var fifo = await FrameFifo.CreateAsync(16, 9);
        var options = PipeOptions(fifo, stall: TimeSpan.FromSeconds(1), start: TimeSpan.FromMinutes(1));
        var logger = new RecordingLogger<FfmpegFrameSource>();
        await using var source = new FfmpegFrameSource(options, 16, 9, time, logger);
        await source.StartAsync(CancellationToken.None);
        await time.WaitForTimersAsync(1, Patience);
        (await FeedUntilReadAsync(fifo, source)).Dispose();

        // No more frames are written. Frames ffmpeg still had in hand may come out a moment later and move the deadline
        // on, so fake time moves on a quarter of stallTimeout at a time, for at most ten stall timeouts (a sixth of
        // startTimeout), until the watchdog acts.
        for (var step = 0; step < 40 && !logger.Entries.Any(e => e.EventId == SourceEventIds.FfmpegRestarting); step++)
        {
            time.Advance(options.StallTimeout / 4);
            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }

        var restart = await logger.WaitForAsync(e => e.EventId == SourceEventIds.FfmpegRestarting, Patience);
        Assert.Contains("stalled: no frame within stallTimeout 00:00:01", restart.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("after 0 frames", restart.Message, StringComparison.Ordinal);
        Assert.Single(logger.Entries, e => e.EventId == SourceEventIds.FfmpegRestarting);
    }

    /// <summary>
    /// Writes a frame every 20 ms until the source yields one, as an input delivering frames would: ffmpeg may hold a
    /// frame back until the next one arrives, so a single frame written might never come out.
    /// </summary>
    private static async Task<Frame> FeedUntilReadAsync(FrameFifo fifo, FfmpegFrameSource source)
    {
        using var timeout = new CancellationTokenSource(Patience);
        var read = source.ReadFrameAsync(timeout.Token).AsTask();
        while (!read.IsCompleted)
        {
            fifo.WriteFrame(255, 0, 0);
            await Task.WhenAny(read, Task.Delay(TimeSpan.FromMilliseconds(20), timeout.Token));
        }

        return await read ?? throw new InvalidOperationException("the source ended before its first frame");
    }

    private static FfmpegSourceOptions PipeOptions(FrameFifo fifo, TimeSpan stall, TimeSpan start) => new()
    {
        Format = "rawvideo",
        InputArguments = ["-pixel_format", "rgb24"],
        VideoSize = fifo.VideoSize,
        Input = fifo.Path,
        StallTimeout = stall,
        StartTimeout = start,
        RestartDelay = TimeSpan.FromMilliseconds(50),
    };
}
