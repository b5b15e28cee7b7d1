using System.Diagnostics;
using System.Globalization;
using DominantColors.Sources.Ffmpeg;
using DominantColors.Sources.Tests.Fakes;
using Xunit.Abstractions;

namespace DominantColors.Sources.Tests.Ffmpeg;

/// <summary>
/// The real ffmpeg's pace and frame age on the wall clock. A measurement, not a gate: CI leaves out
/// <c>category=measurement</c>, since on a loaded machine the scheduler, not the source, sets both figures.
/// </summary>
[Collection(RunsAlone.Name)]
[Trait("category", "measurement")]
public sealed class FfmpegFrameSourceMeasurements(ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task ReadFrameAsync_RealtimeInput_ComesAtTheStreamsOwnRate()
    {
        var options = new FfmpegSourceOptions { Format = "lavfi", Input = "testsrc2=s=32x18:r=30:d=3", Realtime = true, RestartAtEnd = false };
        await using var source = new FfmpegFrameSource(options, 16, 9, TimeProvider.System, new RecordingLogger<FfmpegFrameSource>());
        await source.StartAsync(CancellationToken.None);

        var seen = new List<(long Timestamp, long Sequence)>();
        using var timeout = new CancellationTokenSource(Patience);
        while (await source.ReadFrameAsync(timeout.Token) is { } frame)
        {
            using (frame)
            {
                seen.Add((frame.Timestamp, frame.Sequence));
            }
        }

        // ffmpeg's start-up can delay the first frames, which then catch up, so start a second in.
        var first = seen.First(s => s.Sequence >= 30);
        var last = seen[^1];
        var perFrame = Stopwatch.GetElapsedTime(first.Timestamp, last.Timestamp).TotalMilliseconds / (last.Sequence - first.Sequence);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"30 fps input: {perFrame:0.00} ms per frame; load average {LoadAverage()}"));

        Assert.InRange(perFrame, 20, 50);
    }

    [Fact]
    public async Task ReadFrameAsync_SlowReader_NewestFrameIsFresh()
    {
        var options = new FfmpegSourceOptions { Format = "lavfi", Input = "testsrc2=s=64x36:r=1000" };
        await using var source = new FfmpegFrameSource(options, 16, 9, TimeProvider.System, new RecordingLogger<FfmpegFrameSource>());
        await source.StartAsync(CancellationToken.None);
        using var timeout = new CancellationTokenSource(Patience);
        (await source.ReadFrameAsync(timeout.Token))!.Dispose();

        // The consumer is busy elsewhere for a while (the slowness under test, not a wait for something).
        await Task.Delay(300);
        using var next = await source.ReadFrameAsync(timeout.Token);
        var age = Stopwatch.GetElapsedTime(next!.Timestamp).TotalMilliseconds;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"newest frame's age after a 300 ms pause: {age:0.00} ms; load average {LoadAverage()}"));

        Assert.InRange(age, 0, 150);
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
