using System.Net;
using DominantColors.Frames;
using DominantColors.Sources.Hyperion;
using DominantColors.Sources.Tests.Fakes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using static DominantColors.Testing.Hyperion.HyperionRequests;

namespace DominantColors.Sources.Tests.Hyperion;

/// <summary>The source against grabber clients over real TCP on loopback (port 0).</summary>
public sealed class HyperionFrameSourceTests
{
    private const int Width = 16;
    private const int Height = 9;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    public async Task ReadFrameAsync_ImageFromRegisteredSender_ArrivesScaledWithItsColors(int bytesPerPixel)
    {
        await using var server = await StartAsync();
        await using var grabber = await HyperionTestClient.ConnectAsync(server.EndPoint);
        await grabber.RequestAsync(RegisterRequest("grabber", 150));

        // 320x180: left half red, right half blue; each of the 16 columns of the frame covers 20 source columns.
        var pixels = Solid(320, 180, 255, 0, 0, bytesPerPixel);
        for (var y = 0; y < 180; y++)
        {
            for (var x = 160; x < 320; x++)
            {
                var i = ((y * 320) + x) * bytesPerPixel;
                (pixels[i], pixels[i + 2]) = (0, 255);
            }
        }

        var reply = await grabber.RequestAsync(RawImageRequest(pixels, 320, 180));
        using var frame = await ReadAsync(server.Source);

        Assert.Null(reply.Error);
        Assert.Equal((Width, Height), (frame.Width, frame.Height));
        Assert.Equal((255, 0, 0), Pixel(frame, 0, 0));
        Assert.Equal((255, 0, 0), Pixel(frame, 7, 8));
        Assert.Equal((0, 0, 255), Pixel(frame, 8, 0));
        Assert.Equal((0, 0, 255), Pixel(frame, 15, 8));
    }

    [Fact]
    public async Task ReadFrameAsync_SenderAt30Fps_EveryImageArrivesInOrder()
    {
        await using var server = await StartAsync();
        await using var grabber = await HyperionTestClient.ConnectAsync(server.EndPoint);
        await grabber.RequestAsync(RegisterRequest("Hyperion Android Grabber", 100));
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1.0 / 30));

        for (var i = 0; i < 45; i++)
        {
            await timer.WaitForNextTickAsync();
            var reply = await grabber.RequestAsync(RawImageRequest(Solid(64, 36, (byte)(i * 5), 40, 200), 64, 36));
            using var frame = await ReadAsync(server.Source);

            Assert.Null(reply.Error);
            Assert.Equal(i, frame.Sequence);
            Assert.Equal((i * 5, 40, 200), Pixel(frame, 3, 3));
        }
    }

    [Fact]
    public async Task ReadFrameAsync_HigherPrioritySender_WinsUntilItClearsOrLeaves()
    {
        await using var server = await StartAsync();
        await using var low = await HyperionTestClient.ConnectAsync(server.EndPoint);
        var high = await HyperionTestClient.ConnectAsync(server.EndPoint);
        await low.RequestAsync(RegisterRequest("low", 180));
        await high.RequestAsync(RegisterRequest("high", 120));
        var red = RawImageRequest(Solid(32, 18, 255, 0, 0), 32, 18);
        var blue = RawImageRequest(Solid(32, 18, 0, 0, 255), 32, 18);

        await low.RequestAsync(red);
        Assert.Equal((255, 0, 0), Pixel(await ReadAsync(server.Source), 0, 0));
        await high.RequestAsync(blue);
        var first = await ReadAsync(server.Source);
        Assert.Equal((0, 0, 255), Pixel(first, 0, 0));

        // The lower priority's image is answered but never published: the next frame is the very next one numbered.
        await low.RequestAsync(red);
        await high.RequestAsync(blue);
        var second = await ReadAsync(server.Source);
        Assert.Equal((first.Sequence + 1, (0, 0, 255)), (second.Sequence, Pixel(second, 0, 0)));

        // Clear hands back to the lower priority; a new image takes over again.
        Assert.Null((await high.RequestAsync(ClearRequest(120))).Error);
        await low.RequestAsync(red);
        Assert.Equal((255, 0, 0), Pixel(await ReadAsync(server.Source), 0, 0));
        await high.RequestAsync(blue);
        Assert.Equal((0, 0, 255), Pixel(await ReadAsync(server.Source), 0, 0));

        // Leaving hands back too.
        await high.DisposeAsync();
        await server.Logger.WaitForAsync(e => e.EventId == SourceEventIds.HyperionDisconnected, Patience);
        await low.RequestAsync(red);
        Assert.Equal((255, 0, 0), Pixel(await ReadAsync(server.Source), 0, 0));
    }

    [Fact]
    public async Task ReadFrameAsync_EqualPriorities_LatestRegisteredWins()
    {
        await using var server = await StartAsync();
        await using var first = await HyperionTestClient.ConnectAsync(server.EndPoint);
        await using var second = await HyperionTestClient.ConnectAsync(server.EndPoint);
        await first.RequestAsync(RegisterRequest("first", 150));
        await second.RequestAsync(RegisterRequest("second", 150));

        await second.RequestAsync(ColorRequest(0x00FF00));
        Assert.Equal((0, 255, 0), Pixel(await ReadAsync(server.Source), 5, 5));
        await first.RequestAsync(ColorRequest(0xFF0000));
        await second.RequestAsync(ColorRequest(0x0000FF));
        var frame = await ReadAsync(server.Source);

        Assert.Equal((1, (0, 0, 255)), (frame.Sequence, Pixel(frame, 5, 5)));
    }

    [Fact]
    public async Task Connection_QuietForTheTimeout_IsClosedAndHandsOver()
    {
        var time = new FakeTimeProvider();
        await using var server = await StartAsync(time);
        await using var grabber = await HyperionTestClient.ConnectAsync(server.EndPoint);
        await grabber.RequestAsync(RegisterRequest("grabber", 150));
        await grabber.RequestAsync(ColorRequest(0x112233));
        using var frame = await ReadAsync(server.Source);

        time.Advance(TimeSpan.FromSeconds(4.9));
        Assert.DoesNotContain(server.Logger.Entries, e => e.EventId == SourceEventIds.HyperionTimedOut);
        time.Advance(TimeSpan.FromSeconds(0.1));
        var entry = await server.Logger.WaitForAsync(e => e.EventId == SourceEventIds.HyperionTimedOut, Patience);
        await grabber.WaitClosedAsync();

        Assert.Contains("'grabber'", entry.Message, StringComparison.Ordinal);
        Assert.Contains("00:00:05", entry.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { 0, 0, 0, 8, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF }, "not a valid FlatBuffers Request")]
    [InlineData(new byte[] { 0, 0, 0, 0 }, "a message of 0 bytes")]
    [InlineData(new byte[] { 0, 0x98, 0x96, 0x81 }, "a message of 10000001 bytes")]
    public async Task Connection_MalformedMessage_ClosesOnlyThatConnectionWithOneLogLine(byte[] message, string reason)
    {
        await using var server = await StartAsync();
        await using var good = await HyperionTestClient.ConnectAsync(server.EndPoint);
        await using var bad = await HyperionTestClient.ConnectAsync(server.EndPoint);
        await good.RequestAsync(RegisterRequest("good", 150));
        await bad.RequestAsync(RegisterRequest("bad", 110));

        await bad.SendAsync(message);
        await bad.WaitClosedAsync();
        await server.Logger.WaitForAsync(e => e.EventId == SourceEventIds.HyperionMalformed, Patience);
        await good.RequestAsync(ColorRequest(0x00FF00));

        Assert.Equal((0, 255, 0), Pixel(await ReadAsync(server.Source), 0, 0));
        var logged = Assert.Single(server.Logger.Entries, e => e.Level >= LogLevel.Warning);
        Assert.Contains(reason, logged.Message, StringComparison.Ordinal);
        Assert.Contains("127.0.0.1:", logged.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connection_ImageSizeNotMatchingItsData_GetsHyperionsErrorAndIsClosed()
    {
        await using var server = await StartAsync();
        await using var grabber = await HyperionTestClient.ConnectAsync(server.EndPoint);
        await grabber.RequestAsync(RegisterRequest("grabber", 150));

        var reply = await grabber.RequestAsync(RawImageRequest(new byte[100 * 2], 10, 10));
        await grabber.WaitClosedAsync();

        Assert.Equal("Size of image data does not match with the width and height", reply.Error);
        var logged = Assert.Single(server.Logger.Entries, e => e.Level >= LogLevel.Warning);
        Assert.Contains("200 bytes of data do not make a 10x10", logged.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(99)]
    [InlineData(200)]
    [InlineData(1)]
    public async Task Register_PriorityOutside100To199_GetsErrorReplyAndConnectionStays(int priority)
    {
        await using var server = await StartAsync();
        await using var grabber = await HyperionTestClient.ConnectAsync(server.EndPoint);

        var refused = await grabber.RequestAsync(RegisterRequest("grabber", priority));
        var accepted = await grabber.RequestAsync(RegisterRequest("grabber", 199));

        Assert.Equal($"The priority {priority} is not in the priority range between 100 and 199", refused.Error);
        Assert.Equal(-1, refused.Registered);
        Assert.Equal(new HyperionReply(null, -1, 199), accepted);
    }

    [Fact]
    public async Task Image_BeforeRegisterOrAsNv12_GetsErrorReplyAndNoFrame()
    {
        await using var server = await StartAsync();
        await using var grabber = await HyperionTestClient.ConnectAsync(server.EndPoint);

        var early = await grabber.RequestAsync(ColorRequest(0xFF0000));
        await grabber.RequestAsync(RegisterRequest("grabber", 150));
        var nv12 = await grabber.RequestAsync(Nv12ImageRequest(8, 8));
        await grabber.RequestAsync(ColorRequest(0x0000FF));
        var frame = await ReadAsync(server.Source);

        Assert.Contains("Register", early.Error, StringComparison.Ordinal);
        Assert.Contains("RawImage", nv12.Error, StringComparison.Ordinal);
        Assert.Equal((0L, (0, 0, 255)), (frame.Sequence, Pixel(frame, 0, 0)));
    }

    private static async Task<Frame> ReadAsync(HyperionFrameSource source)
    {
        using var cancel = new CancellationTokenSource(Patience);
        return await source.ReadFrameAsync(cancel.Token) ?? throw new InvalidOperationException("the source ended");
    }

    private static (int R, int G, int B) Pixel(Frame frame, int x, int y)
    {
        var i = (y * frame.Stride) + (x * 3);
        return (frame.Pixels[i], frame.Pixels[i + 1], frame.Pixels[i + 2]);
    }

    private static async Task<RunningServer> StartAsync(TimeProvider? time = null)
    {
        var options = new HyperionSourceOptions { Address = "127.0.0.1", Port = 0 };
        var logger = new RecordingLogger<HyperionFrameSource>();
        var source = new HyperionFrameSource(options, Width, Height, time ?? TimeProvider.System, logger);
        await source.StartAsync(CancellationToken.None);
        return new RunningServer(source, logger);
    }

    private sealed record RunningServer(HyperionFrameSource Source, RecordingLogger<HyperionFrameSource> Logger) : IAsyncDisposable
    {
        public IPEndPoint EndPoint => Source.LocalEndPoint!;

        public ValueTask DisposeAsync() => Source.DisposeAsync();
    }
}
