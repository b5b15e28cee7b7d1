using Google.FlatBuffers;

namespace DominantColors.Sources.Hyperion;

/// <summary>
/// Shows a <see cref="ByteBuffer"/> (and so the verifier and the readers) only the first bytes of a reused receive
/// buffer: the current message. Reads past it fail the ByteBuffer's bounds checks instead of seeing an older message.
/// </summary>
internal sealed class MessageWindow : ByteBufferAllocator
{
    public MessageWindow() => Buffer = [];

    /// <summary>Makes <paramref name="length"/> bytes from the start of <paramref name="buffer"/> the visible message.</summary>
    public void Show(byte[] buffer, int length)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, buffer.Length);
        Buffer = buffer;
        Length = length;
    }

    public override void GrowFront(int newSize) => throw new NotSupportedException("A received message is read, never grown.");
}
