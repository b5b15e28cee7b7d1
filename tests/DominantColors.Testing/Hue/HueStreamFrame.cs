using System.Buffers.Binary;
using System.Text;

namespace DominantColors.Testing.Hue;

/// <summary>A HueStream v2 frame as a receiver reads it, decoded independently of the writer under test.</summary>
public sealed record HueStreamFrame(byte Sequence, byte ColorSpace, string ConfigurationId, IReadOnlyList<HueStreamFrame.Channel> Channels)
{
    public static bool TryDecode(ReadOnlySpan<byte> data, out HueStreamFrame? frame)
    {
        frame = null;
        if (data.Length < 52 || !data[..9].SequenceEqual("HueStream"u8) || data[9] != 2 || data[10] != 0 || (data.Length - 52) % 7 != 0)
        {
            return false;
        }

        if (data[12] != 0 || data[13] != 0 || data[15] != 0 || data[14] > 1)
        {
            return false;
        }

        var channels = new List<Channel>();
        for (var offset = 52; offset < data.Length; offset += 7)
        {
            channels.Add(new Channel(
                data[offset],
                BinaryPrimitives.ReadUInt16BigEndian(data[(offset + 1)..]),
                BinaryPrimitives.ReadUInt16BigEndian(data[(offset + 3)..]),
                BinaryPrimitives.ReadUInt16BigEndian(data[(offset + 5)..])));
        }

        frame = new HueStreamFrame(data[11], data[14], Encoding.ASCII.GetString(data.Slice(16, 36)), channels);
        return true;
    }

    public sealed record Channel(byte Id, ushort First, ushort Second, ushort Third);
}
