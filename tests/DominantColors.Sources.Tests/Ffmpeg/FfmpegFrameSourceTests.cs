using System.Diagnostics;
using DominantColors.Frames;
using DominantColors.Sources.Ffmpeg;
using DominantColors.Sources.Tests.Fakes;
using DominantColors.Sources.Tests.Samples;

namespace DominantColors.Sources.Tests.Ffmpeg;

/// <summary>Runs the real ffmpeg on lavfi inputs (and a pipe nobody writes) and reads what comes out.</summary>
[Collection(RunsAlone.Name)]
public sealed class FfmpegFrameSourceTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task ReadFrameAsync_TimedColorSequence_ComesOutInOrderWithItsTiming()
    {
        var options = new FfmpegSourceOptions
        {
            Format = "lavfi",
            Input = "color=c=red:s=32x18:r=30:d=1[a];color=c=lime:s=32x18:r=30:d=1[b];"
                + "color=c=blue:s=32x18:r=30:d=1[c];[a][b][c]concat=n=3:v=1:a=0",
            Realtime = true,
            RestartAtEnd = false,
        };
        var logger = new RecordingLogger<FfmpegFrameSource>();
        await using var source = new FfmpegFrameSource(options, 16, 9, TimeProvider.System, logger);
        await source.StartAsync(CancellationToken.None);

        var seen = new List<(string Color, long Sequence)>();
        using var timeout = new CancellationTokenSource(Patience);
        while (await source.ReadFrameAsync(timeout.Token) is { } frame)
        {
            using (frame)
            {
                seen.Add((Classify(frame), frame.Sequence));
            }
        }

        // In order: the colors come as three runs, red, green, blue. Each color lasts a whole second so that a reader
        // held up on a busy machine still sees every color (the source keeps only the newest frame).
        var runs = seen.Select(s => s.Color).Where((color, i) => i == 0 || seen[i - 1].Color != color);
        Assert.Equal(["red", "green", "blue"], runs);

        // With the expected timing on the stream's own clock: 30 frames of each color at 30 fps, so frame n shows
        // color n / 30 (one frame of slack at each change).
        string[] colors = ["red", "green", "blue"];
        Assert.All(seen, s => Assert.True(
            s.Color == colors[(int)Math.Min(s.Sequence / 30, 2)] || s.Sequence % 30 is 0 or 29,
            $"frame {s.Sequence} is {s.Color}"));
        // The pace on the wall clock is measured in FfmpegFrameSourceMeasurements.
        Assert.Contains(logger.Entries, e => e.Message.Contains("input ended", StringComparison.Ordinal));
        Assert.Equal(0, source.Restarts);
    }

    [Fact]
    public async Task ReadFrameAsync_FfmpegKilledMidStream_RestartsAndFramesResume()
    {
        var options = new FfmpegSourceOptions
        {
            Format = "lavfi",
            Input = "testsrc2=s=64x36:r=30",
            Realtime = true,
            RestartDelay = TimeSpan.FromMilliseconds(50),
        };
        var logger = new RecordingLogger<FfmpegFrameSource>();
        await using var source = new FfmpegFrameSource(options, 16, 9, TimeProvider.System, logger);
        await source.StartAsync(CancellationToken.None);
        using var timeout = new CancellationTokenSource(Patience);
        (await source.ReadFrameAsync(timeout.Token))!.Dispose();
        var firstPid = source.ProcessId!.Value;

        using (var ffmpeg = Process.GetProcessById(firstPid))
        {
            ffmpeg.Kill();
        }

        var restart = await logger.WaitForAsync(e => e.EventId == SourceEventIds.FfmpegRestarting, Patience);
        var restartedAt = Stopwatch.GetTimestamp();
        Frame? resumed = null;
        while (resumed is null)
        {
            var frame = await source.ReadFrameAsync(timeout.Token);
            Assert.NotNull(frame);
            if (frame.Timestamp > restartedAt)
            {
                resumed = frame;
            }
            else
            {
                frame.Dispose();
            }
        }

        resumed.Dispose();
        Assert.Contains("exited", restart.Message, StringComparison.Ordinal);
        Assert.Equal(1, source.Restarts);
        Assert.NotEqual(firstPid, source.ProcessId);
    }

    [Fact]
    public async Task ReadFrameAsync_NoFirstFrameWithinStartTimeout_WatchdogKillsAndRestartsFfmpeg()
    {
        // ffmpeg opens a pipe nobody writes: the process runs, but no frame ever comes.
        using var fifo = await FrameFifo.CreateAsync(16, 9);
        var options = new FfmpegSourceOptions
        {
            Format = "rawvideo",
            InputArguments = ["-pixel_format", "rgb24"],
            VideoSize = fifo.VideoSize,
            Input = fifo.Path,
            StallTimeout = TimeSpan.FromMilliseconds(300),
            StartTimeout = TimeSpan.FromMilliseconds(300),
            RestartDelay = TimeSpan.FromMilliseconds(50),
        };
        var logger = new RecordingLogger<FfmpegFrameSource>();
        await using var source = new FfmpegFrameSource(options, 16, 9, TimeProvider.System, logger);
        await source.StartAsync(CancellationToken.None);
        Assert.NotNull(source.ProcessId);

        var restart = await logger.WaitForAsync(e => e.EventId == SourceEventIds.FfmpegRestarting, Patience);

        Assert.Contains("no first frame within startTimeout", restart.Message, StringComparison.Ordinal);
        Assert.Contains("after 0 frames", restart.Message, StringComparison.Ordinal);
        Assert.True(source.Restarts >= 1);
    }

    [Fact]
    public async Task StartAsync_FfmpegMissing_ThrowsNamingWhatToInstall()
    {
        var options = new FfmpegSourceOptions { Format = "lavfi", Input = "testsrc2", FfmpegPath = "/nonexistent/bin/ffmpeg" };
        await using var source = new FfmpegFrameSource(options, 16, 9, TimeProvider.System, new RecordingLogger<FfmpegFrameSource>());

        var error = await Assert.ThrowsAsync<FileNotFoundException>(() => source.StartAsync(CancellationToken.None));

        Assert.Contains("apt install ffmpeg", error.Message, StringComparison.Ordinal);
        Assert.Contains("/nonexistent/bin/ffmpeg", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadFrameAsync_SlowReader_GetsTheNewestFrameNotABacklog()
    {
        // As fast as ffmpeg can: thousands of tiny frames a second, far more than this reader takes.
        var options = new FfmpegSourceOptions { Format = "lavfi", Input = "testsrc2=s=64x36:r=1000" };
        await using var source = new FfmpegFrameSource(options, 16, 9, TimeProvider.System, new RecordingLogger<FfmpegFrameSource>());
        await source.StartAsync(CancellationToken.None);
        using var timeout = new CancellationTokenSource(Patience);
        long firstSequence;
        using (var first = await source.ReadFrameAsync(timeout.Token))
        {
            firstSequence = first!.Sequence;
        }

        // The consumer is busy elsewhere for a while (this is the slowness under test, not a wait for something).
        await Task.Delay(300);
        using var next = await source.ReadFrameAsync(timeout.Token);

        Assert.NotNull(next);
        Assert.True(next.Sequence > firstSequence + 10, $"expected frames to be skipped, got {firstSequence} then {next.Sequence}");
        Assert.True(source.DroppedFrames > 0);
    }

    private static string Classify(Frame frame)
    {
        long r = 0, g = 0, b = 0;
        var pixels = frame.Pixels;
        for (var i = 0; i < pixels.Length; i += 3)
        {
            r += pixels[i];
            g += pixels[i + 1];
            b += pixels[i + 2];
        }

        var n = pixels.Length / 3;
        return (r / n, g / n, b / n) switch
        {
            ( > 200, < 60, < 60) => "red",
            ( < 60, > 200, < 60) => "green",
            ( < 60, < 60, > 200) => "blue",
            var other => $"other {other}",
        };
    }
}
