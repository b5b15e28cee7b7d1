namespace DominantColors.Testing.Imaging;

/// <summary>The CRC-32 a PNG chunk carries (ISO 3309, as the PNG specification defines it), for pictures the tests build by hand.</summary>
internal static class PngCrc
{
    public static uint Compute(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
