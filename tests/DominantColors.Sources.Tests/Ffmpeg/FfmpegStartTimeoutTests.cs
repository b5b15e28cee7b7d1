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

        // 15 of the watchdog's looks, a quarter of stallTimeout apart: 3.75 s without a frame, inside startTimeout.
        await AdvanceByLooksAsync(time, options, 15);

        Assert.DoesNotContain(logger.Entries, e => e.EventId == SourceEventIds.FfmpegRestarting);
        Assert.Equal(0, source.Restarts);
        Assert.Equal(firstPid, source.ProcessId);

        await AdvanceByLooksAsync(time, options, 1);
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

        // No more frames are written. Frames ffmpeg still had in hand may come out during the first looks, so fake time
        // moves on one look at a time until the watchdog acts, for at most ten stall timeouts.
        var looks = 0;
        while (!logger.Entries.Any(e => e.EventId == SourceEventIds.FfmpegRestarting) && looks < 40)
        {
            await AdvanceByLooksAsync(time, options, 1);
            looks++;
        }

        var restart = Assert.Single(logger.Entries, e => e.EventId == SourceEventIds.FfmpegRestarting);
        Assert.Contains("stalled: no frame within stallTimeout 00:00:01", restart.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("after 0 frames", restart.Message, StringComparison.Ordinal);
        Assert.True(looks < 40, "the watchdog never acted");
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

    /// <summary>
    /// Moves fake time on by <paramref name="looks"/> watchdog periods (a quarter of stallTimeout), each time waiting
    /// until the watchdog has armed its next look, i.e. has judged the clock after the step.
    /// </summary>
    private static async Task AdvanceByLooksAsync(TimerCountingTimeProvider time, FfmpegSourceOptions options, int looks)
    {
        for (var i = 0; i < looks; i++)
        {
            var armed = time.TimersCreated;
            time.Advance(options.StallTimeout / 4);
            await time.WaitForTimersAsync(armed + 1, Patience);
        }
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
