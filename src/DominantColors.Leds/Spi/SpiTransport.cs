using System.Device.Spi;
using DominantColors.Colors;
using DominantColors.Leds.Streaming;

namespace DominantColors.Leds.Spi;

/// <summary>
/// Writes each frame in one SPI transfer (mode 0) through System.Device.Gpio's <see cref="SpiDevice"/>. A missing
/// spidev node (SPI not enabled) or a refused transfer fails with an <see cref="IOException"/> and the sink retries
/// with backoff. On stop the strip is sent dark: the LEDs hold their last colors while powered.
/// </summary>
public sealed class SpiTransport : ILedTransport
{
    private readonly SpiOptions _options;
    private readonly SpiFrameWriter _writer;
    private readonly Rgb24[] _dark;
    private readonly Func<SpiConnectionSettings, SpiDevice> _open;
    private SpiDevice? _device;

    public SpiTransport(SpiOptions options, int ledCount)
        : this(options, ledCount, OpenDevice)
    {
    }

    /// <summary>For tests: <paramref name="open"/> stands in for <see cref="SpiDevice.Create"/>.</summary>
    internal SpiTransport(SpiOptions options, int ledCount, Func<SpiConnectionSettings, SpiDevice> open)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _open = open;
        _writer = new SpiFrameWriter(options.Chip, ledCount, options.Brightness, options.EffectiveSpeedHz);
        _dark = new Rgb24[ledCount];
        Target = $"{options.Device} ({options.Chip.ToString().ToUpperInvariant()} at {options.EffectiveSpeedHz} Hz)";
    }

    public string Target { get; }

    public string StopAction => "left dark";

    public ValueTask OpenAsync(CancellationToken cancellationToken)
    {
        var (bus, chipSelect) = _options.BusAndChipSelect() ?? throw new InvalidOperationException($"'{_options.Device}' is not a spidev device.");
        _device?.Dispose();
        _device = null;
        _device = _open(new SpiConnectionSettings(bus, chipSelect) { ClockFrequency = _options.EffectiveSpeedHz, Mode = SpiMode.Mode0 });
        return ValueTask.CompletedTask;
    }

    public ValueTask SendAsync(ReadOnlyMemory<Rgb24> leds, CancellationToken cancellationToken)
    {
        var device = _device ?? throw new InvalidOperationException("The SPI device is not open.");
        _writer.Write(leds.Span);
        device.Write(_writer.Frame);
        return ValueTask.CompletedTask;
    }

    public ValueTask StopAsync(CancellationToken cancellationToken) => SendAsync(_dark, cancellationToken);

    public ValueTask DisposeAsync()
    {
        _device?.Dispose();
        _device = null;
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// System.Device.Gpio opens the spidev node only at the first transfer; checking first turns "SPI is not enabled"
    /// into a clear fault at open.
    /// </summary>
    private static SpiDevice OpenDevice(SpiConnectionSettings settings)
    {
        var path = $"/dev/spidev{settings.BusId}.{settings.ChipSelectLine}";
        if (!File.Exists(path))
        {
            throw new IOException($"{path} does not exist; enable SPI (dtparam=spi=on in /boot/firmware/config.txt).");
        }

        return SpiDevice.Create(settings);
    }
}
