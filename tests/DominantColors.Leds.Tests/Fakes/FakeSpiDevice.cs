using System.Device.Spi;

namespace DominantColors.Leds.Tests.Fakes;

/// <summary>Stands in for a spidev node through System.Device.Gpio's own abstract <see cref="SpiDevice"/>: records each write.</summary>
internal sealed class FakeSpiDevice(SpiConnectionSettings settings) : SpiDevice
{
    public override SpiConnectionSettings ConnectionSettings { get; } = settings;

    public List<byte[]> Writes { get; } = [];

    public bool Disposed { get; private set; }

    public override void Write(ReadOnlySpan<byte> buffer) => Writes.Add(buffer.ToArray());

    public override void WriteByte(byte value) => Writes.Add([value]);

    public override byte ReadByte() => throw new NotSupportedException("LED strips are write-only.");

    public override void Read(Span<byte> buffer) => throw new NotSupportedException("LED strips are write-only.");

    public override void TransferFullDuplex(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer) =>
        throw new NotSupportedException("LED strips are write-only.");

    protected override void Dispose(bool disposing)
    {
        Disposed = true;
        base.Dispose(disposing);
    }
}
