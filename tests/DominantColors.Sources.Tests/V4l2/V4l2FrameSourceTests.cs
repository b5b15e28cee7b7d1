using System.Diagnostics;
using DominantColors.Frames;
using DominantColors.Sources.Tests.Fakes;
using DominantColors.Sources.V4l2;

namespace DominantColors.Sources.Tests.V4l2;

public sealed class V4l2FrameSourceTests
{
    private const string Path = "/dev/video0";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private static V4l2SourceOptions Options() => new()
    {
        Device = Path,
        ReopenDelay = TimeSpan.FromMilliseconds(1),
        MaxReopenDelay = TimeSpan.FromMilliseconds(20),
        StallTimeout = TimeSpan.FromMinutes(1),
    };

    [Theory]
    [InlineData(V4l2PixelFormats.Yuyv, 640)]
    [InlineData(V4l2PixelFormats.Uyvy, 672)]
    [InlineData(V4l2PixelFormats.Nv12, 320)]
    public async Task ReadFrameAsync_CannedBuffer_IsConvertedByteForByte(uint format, int bytesPerLine)
    {
        var device = new FakeV4l2Device(Path, format, 320, 180, bytesPerLine);
        var canned = Random(device.FrameSize, seed: (int)format);
        device.EnqueueFrame(canned);
        var opener = new FakeV4l2DeviceOpener().Then(device);
        await using var source = new V4l2FrameSource(Options(), 16, 9, TimeProvider.System, new RecordingLogger<V4l2FrameSource>(), opener.Open);
        var before = Stopwatch.GetTimestamp();

        await source.StartAsync(CancellationToken.None);
        using var frame = await ReadAsync(source);

        Assert.Equal(ReferenceYuvConverter.Convert(canned, format, 320, 180, bytesPerLine, 16, 9), frame.Pixels.ToArray());
        Assert.InRange(frame.Timestamp, before, Stopwatch.GetTimestamp());
        Assert.Equal(0, frame.Sequence);
    }

    [Fact]
    public async Task ReadFrameAsync_UnpluggedMidStream_ReopensAndFramesResume()
    {
        var first = new FakeV4l2Device(Path, V4l2PixelFormats.Yuyv, 64, 36, 128);
        var second = new FakeV4l2Device(Path, V4l2PixelFormats.Yuyv, 64, 36, 128);
        first.EnqueueFrame(Solid(first.FrameSize, 81, 90, 240));
        first.EnqueueUnplug();
        second.EnqueueFrame(Solid(second.FrameSize, 41, 240, 110));
        var opener = new FakeV4l2DeviceOpener().Then(first).Missing(2).Then(second);
        var logger = new RecordingLogger<V4l2FrameSource>();
        await using var source = new V4l2FrameSource(Options(), 4, 2, TimeProvider.System, logger, opener.Open);
        await source.StartAsync(CancellationToken.None);

        using (var red = await ReadAsync(source))
        {
            Assert.Equal(255, red.Pixels[0]);
        }

        using var blue = await ReadAsync(source);

        Assert.Equal([0, 0, 255], blue.Pixels[..3].ToArray());
        Assert.True(first.Disposed);
        Assert.Equal(4, opener.Opens);
        Assert.Equal(3, source.Reopens);
        Assert.Single(logger.Entries, e => e.EventId == SourceEventIds.V4l2Lost);
        Assert.Contains("No such device", logger.Entries.Single(e => e.EventId == SourceEventIds.V4l2Lost).Message, StringComparison.Ordinal);
        await logger.WaitForAsync(e => e.EventId == SourceEventIds.V4l2Recovered, Patience);
    }

    [Fact]
    public async Task StartAsync_DeviceAppearsLate_StartsAnywayAndFramesArrive()
    {
        var device = new FakeV4l2Device(Path, V4l2PixelFormats.Nv12, 64, 36, 64);
        device.EnqueueFrame(Random(device.FrameSize, seed: 7));
        var opener = new FakeV4l2DeviceOpener().Missing(5).Then(device);
        var logger = new RecordingLogger<V4l2FrameSource>();
        await using var source = new V4l2FrameSource(Options(), 8, 4, TimeProvider.System, logger, opener.Open);

        await source.StartAsync(CancellationToken.None);
        using var frame = await ReadAsync(source);

        Assert.Equal(6, opener.Opens);
        Assert.Single(logger.Entries, e => e.EventId == SourceEventIds.V4l2Waiting);
        Assert.DoesNotContain(logger.Entries, e => e.EventId == SourceEventIds.V4l2Lost);
        Assert.Contains(logger.Entries, e => e.EventId == SourceEventIds.V4l2Streaming && e.Message.Contains("NV12 64x36", StringComparison.Ordinal));
    }

    [Fact]
    public async Task StartAsync_MjpegOnlyDevice_ThrowsPointingToTheFfmpegSource()
    {
        var device = new FakeV4l2Device(Path, V4l2PixelFormats.Mjpeg, 1920, 1080, 0);
        var opener = new FakeV4l2DeviceOpener().Then(device);
        await using var source = new V4l2FrameSource(Options(), 64, 36, TimeProvider.System, new RecordingLogger<V4l2FrameSource>(), opener.Open);

        var error = await Assert.ThrowsAsync<NotSupportedException>(() => source.StartAsync(CancellationToken.None));

        Assert.Contains("type: ffmpeg", error.Message, StringComparison.Ordinal);
        Assert.Contains("input_format: mjpeg", error.Message, StringComparison.Ordinal);
        Assert.True(device.Disposed);
    }

    [Fact]
    public async Task ReadFrameAsync_BytesUsedShortOfAFrame_SkipsThatBuffer()
    {
        var device = new FakeV4l2Device(Path, V4l2PixelFormats.Yuyv, 64, 36, 128);
        device.EnqueueFrame(Solid(device.FrameSize, 81, 90, 240), bytesUsed: device.FrameSize / 2);
        device.EnqueueFrame(Solid(device.FrameSize, 235, 128, 128));
        var opener = new FakeV4l2DeviceOpener().Then(device);
        await using var source = new V4l2FrameSource(Options(), 4, 2, TimeProvider.System, new RecordingLogger<V4l2FrameSource>(), opener.Open);
        await source.StartAsync(CancellationToken.None);

        using var frame = await ReadAsync(source);

        Assert.All(frame.Pixels.ToArray(), b => Assert.Equal(255, b));
        Assert.Equal(1, source.IncompleteFrames);
    }

    [Fact]
    public async Task ReadFrameAsync_DeviceGoesQuiet_IsReopenedAfterTheStallTimeout()
    {
        var quiet = new FakeV4l2Device(Path, V4l2PixelFormats.Yuyv, 64, 36, 128);
        var awake = new FakeV4l2Device(Path, V4l2PixelFormats.Yuyv, 64, 36, 128);
        awake.EnqueueFrame(Solid(awake.FrameSize, 16, 128, 128));
        var opener = new FakeV4l2DeviceOpener().Then(quiet).Then(awake);
        var options = Options();
        options.StallTimeout = TimeSpan.FromMilliseconds(100);
        var logger = new RecordingLogger<V4l2FrameSource>();
        await using var source = new V4l2FrameSource(options, 4, 2, TimeProvider.System, logger, opener.Open);
        await source.StartAsync(CancellationToken.None);

        using var frame = await ReadAsync(source);

        Assert.True(quiet.Disposed);
        Assert.Contains("no frame for", logger.Entries.First(e => e.EventId == SourceEventIds.V4l2Lost).Message, StringComparison.Ordinal);
        Assert.All(frame.Pixels.ToArray(), b => Assert.Equal(0, b));
    }

    private static async Task<Frame> ReadAsync(V4l2FrameSource source)
    {
        using var timeout = new CancellationTokenSource(Patience);
        var frame = await source.ReadFrameAsync(timeout.Token);
        Assert.NotNull(frame);
        return frame;
    }

    private static byte[] Random(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private static byte[] Solid(int length, byte y, byte u, byte v)
    {
        var bytes = new byte[length];
        for (var i = 0; i < length; i += 4)
        {
            (bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3]) = (y, u, y, v);
        }

        return bytes;
    }
}
