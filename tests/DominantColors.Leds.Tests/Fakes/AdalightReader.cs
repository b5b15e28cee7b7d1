namespace DominantColors.Leds.Tests.Fakes;

/// <summary>
/// Reads Adalight frames the way Adafruit's LEDstream sketch (Adalight's Arduino side) does: hunt for the magic word
/// "Ada", read hi, lo and the checksum, start hunting again when the checksum is not hi ^ lo ^ 0x55, else read
/// (hi * 256 + lo + 1) LEDs of R, G, B. Bytes before a valid header are skipped, as the sketch does.
/// </summary>
internal sealed class AdalightReader : IDisposable
{
    private readonly FileStream _stream;
    private readonly byte[] _one = new byte[1];

    public AdalightReader(string path)
    {
        _stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0);
    }

    /// <summary>Checksum failures seen while hunting for headers.</summary>
    public int BadHeaders { get; private set; }

    public Task<byte[]> NextFrameAsync() => Task.Run(ReadFrame).WaitAsync(TimeSpan.FromSeconds(15));

    public void Dispose() => _stream.Dispose();

    private byte[] ReadFrame()
    {
        while (true)
        {
            if (ReadByte() != 'A' || ReadByte() != 'd' || ReadByte() != 'a')
            {
                continue;
            }

            var hi = ReadByte();
            var lo = ReadByte();
            var checksum = ReadByte();
            if (checksum != (hi ^ lo ^ 0x55))
            {
                BadHeaders++;
                continue;
            }

            var data = new byte[((hi << 8) + lo + 1) * 3];
            for (var read = 0; read < data.Length;)
            {
                var n = _stream.Read(data, read, data.Length - read);
                if (n == 0)
                {
                    throw new EndOfStreamException("The serial line closed mid-frame.");
                }

                read += n;
            }

            return data;
        }
    }

    private int ReadByte()
    {
        if (_stream.Read(_one, 0, 1) == 0)
        {
            throw new EndOfStreamException("The serial line closed.");
        }

        return _one[0];
    }
}
