using System.Buffers.Binary;
using System.Text;
using DominantColors.Colors;
using DominantColors.Hue.Colors;

namespace DominantColors.Hue.Streaming;

/// <summary>
/// Builds HueStream v2 frames (big-endian) in one reused buffer: the 16-byte header, the 36-character entertainment
/// configuration id, then 7 bytes per channel (id, three 16-bit values). The header is written once; a frame only
/// stamps its sequence number and overwrites the channel values, so sending at 50 Hz allocates nothing.
/// </summary>
public sealed class HueStreamWriter
{
    public const int HeaderLength = 52;
    public const int ChannelLength = 7;
    public const int MaxChannels = 20;

    private const int SequenceOffset = 11;
    private const int ColorSpaceOffset = 14;
    private const int ConfigurationIdOffset = 16;
    private const int ConfigurationIdLength = 36;

    private readonly byte[] _buffer;
    private byte _sequence;

    public HueStreamWriter(string entertainmentConfigurationId, HueStreamColorSpace colorSpace, int channelCount)
    {
        ArgumentNullException.ThrowIfNull(entertainmentConfigurationId);
        if (entertainmentConfigurationId.Length != ConfigurationIdLength || !Guid.TryParseExact(entertainmentConfigurationId, "D", out _))
        {
            throw new ArgumentException(
                $"Entertainment configuration id '{entertainmentConfigurationId}' is not a dashed UUID of 36 characters.",
                nameof(entertainmentConfigurationId));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(channelCount, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(channelCount, MaxChannels);

        ChannelCount = channelCount;
        ColorSpace = colorSpace;
        Length = HeaderLength + (channelCount * ChannelLength);
        _buffer = new byte[Length];
        "HueStream"u8.CopyTo(_buffer);
        _buffer[9] = 2; // version 2.0
        _buffer[10] = 0;
        _buffer[ColorSpaceOffset] = (byte)colorSpace;
        Encoding.ASCII.GetBytes(entertainmentConfigurationId.ToLowerInvariant(), _buffer.AsSpan(ConfigurationIdOffset, ConfigurationIdLength));
    }

    public int ChannelCount { get; }

    public HueStreamColorSpace ColorSpace { get; }

    /// <summary>Bytes in every frame: 52 + 7 per channel.</summary>
    public int Length { get; }

    /// <summary>Sets channel slot <paramref name="index"/> to raw 16-bit values.</summary>
    public void SetChannel(int index, byte channelId, ushort first, ushort second, ushort third)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, ChannelCount);
        var slot = _buffer.AsSpan(HeaderLength + (index * ChannelLength), ChannelLength);
        slot[0] = channelId;
        BinaryPrimitives.WriteUInt16BigEndian(slot[1..], first);
        BinaryPrimitives.WriteUInt16BigEndian(slot[3..], second);
        BinaryPrimitives.WriteUInt16BigEndian(slot[5..], third);
    }

    /// <summary>Sets an RGB channel; 8-bit values widen to 16 bits by ×257 so 255 becomes 0xFFFF.</summary>
    public void SetRgb(int index, byte channelId, Rgb24 color) =>
        SetChannel(index, channelId, (ushort)(color.R * 257), (ushort)(color.G * 257), (ushort)(color.B * 257));

    /// <summary>Sets an xy + brightness channel; each value 0 to 1 maps onto 0 to 0xFFFF.</summary>
    public void SetXyBrightness(int index, byte channelId, XyBrightness color) =>
        SetChannel(index, channelId, ToUInt16(color.Xy.X), ToUInt16(color.Xy.Y), ToUInt16(color.Brightness));

    /// <summary>Stamps the next sequence number and returns the whole frame; valid until the next call.</summary>
    public ReadOnlySpan<byte> NextFrame()
    {
        _buffer[SequenceOffset] = _sequence++;
        return _buffer;
    }

    private static ushort ToUInt16(double value) => (ushort)Math.Round(Math.Clamp(value, 0, 1) * ushort.MaxValue);
}
