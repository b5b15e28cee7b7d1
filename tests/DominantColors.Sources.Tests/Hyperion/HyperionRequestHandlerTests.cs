using DominantColors.Frames;
using DominantColors.Sources.Capture;
using DominantColors.Sources.Hyperion;
using DominantColors.Sources.Tests.Fakes;
using static DominantColors.Testing.Hyperion.HyperionRequests;

namespace DominantColors.Sources.Tests.Hyperion;

/// <summary>The request handling without the socket, for what needs one thread: allocation, replies in detail.</summary>
public sealed class HyperionRequestHandlerTests
{
    [Fact]
    public void Handle_ImagesAfterWarmUp_AllocateNothing()
    {
        using var slot = new LatestFrameSlot();
        var handler = NewHandler(slot, out _);
        var register = Body(RegisterRequest("grabber", 150));
        handler.Handle(register, register.Length);
        var image = Body(RawImageRequest(Solid(1280, 720, 10, 20, 30, 4), 1280, 720));
        var color = Body(ColorRequest(0x405060));

        for (var i = 0; i < 300; i++)
        {
            handler.Handle(image, image.Length);
            handler.Handle(color, color.Length);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            handler.Handle(image, image.Length);
            handler.Handle(color, color.Length);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(799, slot.Dropped);
    }

    [Fact]
    public void Handle_Register_RepliesWithTheRegisteredPriority()
    {
        using var slot = new LatestFrameSlot();
        var handler = NewHandler(slot, out _);
        var register = Body(RegisterRequest("HyperionScreenCap", 130));

        var outcome = handler.Handle(register, register.Length);

        Assert.Null(outcome.Fault);
        Assert.Equal(new HyperionReply(null, -1, 130), HyperionReply.Parse(outcome.Reply.Span[4..].ToArray()));
        Assert.Equal(outcome.Reply.Length - 4, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(outcome.Reply.Span));
    }

    [Fact]
    public void Handle_MessageShorterThanTheBufferHoldingIt_ReadsOnlyTheMessage()
    {
        using var slot = new LatestFrameSlot();
        var handler = NewHandler(slot, out _);
        var register = Body(RegisterRequest("grabber", 150));
        var buffer = new byte[register.Length + 64];
        register.CopyTo(buffer, 0);

        // The same bytes cut short: whatever lies beyond the message must not count.
        var cut = handler.Handle(buffer, register.Length - 8);
        var whole = handler.Handle(buffer, register.Length);

        Assert.NotNull(cut.Fault);
        Assert.Null(whole.Fault);
    }

    [Fact]
    public void Handle_TableBeyond32KiB_IsAFaultNotAnUncheckedRead()
    {
        // Google.FlatBuffers' verifier keeps vtable positions in 16 bits: past 32 KiB it would call every field of
        // this RawImage absent and pass the buffer, leaving its fields unchecked. The handler refuses such a table.
        using var slot = new LatestFrameSlot();
        var handler = NewHandler(slot, out _);
        var register = Body(RegisterRequest("grabber", 150));
        handler.Handle(register, register.Length);
        var b = new Google.FlatBuffers.FlatBufferBuilder(1024);
        b.StartVector(1, 12, 1);
        b.Add(new byte[12]);
        var data = b.EndVector();
        b.StartTable(3);
        b.AddOffset(0, data.Value, 0);
        b.AddInt(1, 2, -1);
        b.AddInt(2, 2, -1);
        var raw = b.EndTable();
        b.StartVector(1, 40_000, 1);
        b.Add(new byte[40_000]);
        b.EndVector();
        b.StartTable(3);
        b.AddOffset(1, raw, 0);
        b.AddByte(0, 1, 0);
        var image = b.EndTable();
        b.StartTable(2);
        b.AddOffset(1, image, 0);
        b.AddByte(0, 2, 0);
        b.Finish(b.EndTable());
        var message = b.SizedByteArray();

        var outcome = handler.Handle(message, message.Length);

        Assert.Equal("the message is not a valid FlatBuffers Request", outcome.Fault);
        Assert.Equal(0, slot.Dropped);
    }

    private static byte[] Body(byte[] message) => message[4..];

    private static HyperionRequestHandler NewHandler(LatestFrameSlot slot, out HyperionPriorityTable table)
    {
        table = new HyperionPriorityTable();
        var sender = new HyperionSender("127.0.0.1:5000");
        table.Add(sender);
        var output = new HyperionFrameOutput(new FramePool(64, 36), slot, TimeProvider.System);
        return new HyperionRequestHandler(sender, table, output, new RecordingLogger<HyperionRequestHandlerTests>(), "hyperion:test");
    }
}
