using System.Diagnostics;
using DominantColors.Frames;
using DominantColors.Sources.Ffmpeg;
using DominantColors.Sources.Tests.Fakes;

namespace DominantColors.Sources.Tests.Ffmpeg;

/// <summary>Runs the real ffmpeg on lavfi inputs (and a fifo nobody writes) and reads what comes out.</summary>
public sealed class FfmpegFrameSourceTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task ReadFrameAsync_TimedColorSequence_ComesOutInOrderWithItsTiming()
    {
        var options = new FfmpegSourceOptions
        {
            Format = "lavfi",
            Input = "color=c=red:s=32x18:r=30:d=0.5[a];color=c=lime:s=32x18:r=30:d=0.5[b];"
                + "color=c=blue:s=32x18:r=30:d=0.5[c];[a][b][c]concat=n=3:v=1:a=0",
            Realtime = true,
            RestartAtEnd = false,
        };
        var logger = new RecordingLogger<FfmpegFrameSource>();
        await using var source = new FfmpegFrameSource(options, 16, 9, TimeProvider.System, logger);
        await source.StartAsync(CancellationToken.None);

        var firstSeen = new List<(string Color, long Timestamp, long Sequence)>();
        using var timeout = new CancellationTokenSource(Patience);
        while (await source.ReadFrameAsync(timeout.Token) is { } frame)
        {
            using (frame)
            {
                var color = Classify(frame);
                if (firstSeen.Count == 0 || firstSeen[^1].Color != color)
                {
                    firstSeen.Add((color, frame.Timestamp, frame.Sequence));
                }
            }
        }

        Assert.Equal(["red", "green", "blue"], firstSeen.Select(s => s.Color));

        // 15 frames of each color at 30 fps: green starts at frame 15, blue at 30 (a frame may be skipped by a slow reader).
        Assert.InRange(firstSeen[1].Sequence, 15, 17);
        Assert.InRange(firstSeen[2].Sequence, 30, 32);

        // Played at its own rate, not as fast as possible. Red's start is left out: ffmpeg's start-up on a busy
        // machine can delay the first frames, which then catch up.
        var greenToBlue = Stopwatch.GetElapsedTime(firstSeen[1].Timestamp, firstSeen[2].Timestamp);
        var redToBlue = Stopwatch.GetElapsedTime(firstSeen[0].Timestamp, firstSeen[2].Timestamp);
        Assert.InRange(greenToBlue.TotalMilliseconds, 300, 800);
        Assert.InRange(redToBlue.TotalMilliseconds, 500, 1500);
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

        var restart = await logger.WaitForAsync(e => e.EventId == 1401, Patience);
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
    public async Task ReadFrameAsync_InputStalls_WatchdogKillsAndRestartsFfmpeg()
    {
        var fifo = Path.Combine(Path.GetTempPath(), $"dominant-colors-stall-{Guid.NewGuid():N}");
        using (var mkfifo = Process.Start("mkfifo", [fifo]))
        {
            await mkfifo.WaitForExitAsync();
        }

        try
        {
            // ffmpeg blocks opening a fifo that nobody writes: the process runs, but no frame ever comes.
            var options = new FfmpegSourceOptions
            {
                Format = "rawvideo",
                InputArguments = ["-pixel_format", "rgb24"],
                VideoSize = "16x9",
                Input = fifo,
                StallTimeout = TimeSpan.FromMilliseconds(300),
                RestartDelay = TimeSpan.FromMilliseconds(50),
            };
            var logger = new RecordingLogger<FfmpegFrameSource>();
            await using var source = new FfmpegFrameSource(options, 16, 9, TimeProvider.System, logger);
            await source.StartAsync(CancellationToken.None);
            Assert.NotNull(source.ProcessId);

            var restart = await logger.WaitForAsync(e => e.EventId == 1401, Patience);

            Assert.Contains("stalled", restart.Message, StringComparison.Ordinal);
            Assert.Contains("after 0 frames", restart.Message, StringComparison.Ordinal);
            Assert.True(source.Restarts >= 1);
        }
        finally
        {
            File.Delete(fifo);
        }
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
        Assert.InRange(Stopwatch.GetElapsedTime(next.Timestamp).TotalMilliseconds, 0, 150);
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
