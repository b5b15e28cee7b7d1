using System.Buffers.Binary;
using Google.FlatBuffers;

namespace DominantColors.Sources.Hyperion;

/// <summary>
/// Builds Reply messages (hyperion_reply.fbs) as Hyperion's server does, each with its 4-byte big-endian length in
/// front, in a reused builder and a reused output buffer: a success reply allocates nothing.
/// </summary>
internal sealed class HyperionReplyWriter
{
    private readonly FlatBufferBuilder _builder = new(64);
    private byte[] _message = new byte[64];

    /// <summary>A success: no error, <c>registered</c> set to the sender's priority (or left at its default -1).</summary>
    public ReadOnlyMemory<byte> Success(int registered) => Build(null, registered);

    /// <summary>A failure with Hyperion's wording in <c>error</c>.</summary>
    public ReadOnlyMemory<byte> Error(string error) => Build(error, -1);

    private ReadOnlyMemory<byte> Build(string? error, int registered)
    {
        _builder.Clear();
        var errorOffset = error is null ? default : _builder.CreateString(error);
        _builder.StartTable(HyperionSchema.ReplyFieldCount);
        _builder.AddInt(HyperionSchema.ReplyRegisteredSlot, registered, -1);
        if (error is not null)
        {
            _builder.AddOffset(HyperionSchema.ReplyErrorSlot, errorOffset.Value, 0);
        }

        _builder.Finish(_builder.EndTable());
        var data = _builder.DataBuffer;
        var length = data.Length - data.Position;
        if (_message.Length < length + 4)
        {
            _message = new byte[length + 4];
        }

        BinaryPrimitives.WriteInt32BigEndian(_message, length);
        data.ToArraySegment(data.Position, length).AsSpan().CopyTo(_message.AsSpan(4));
        return _message.AsMemory(0, length + 4);
    }
}
