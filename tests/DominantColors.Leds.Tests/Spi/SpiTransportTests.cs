using DominantColors.Colors;
using DominantColors.Leds.Spi;
using DominantColors.Leds.Tests.Fakes;

namespace DominantColors.Leds.Tests.Spi;

public sealed class SpiTransportTests
{
    [Fact]
    public async Task SendAsync_Apa102OnSpidev1Point2_OpensBus1ChipSelect2Mode0AndWritesTheFrame()
    {
        FakeSpiDevice? device = null;
        var options = new SpiOptions { Device = "/dev/spidev1.2", Chip = SpiChip.Apa102, Brightness = 31, Lights = ["tv"], LedCount = 1 };
        await using var transport = new SpiTransport(options, 1, settings => device = new FakeSpiDevice(settings));

        await transport.OpenAsync(CancellationToken.None);
        await transport.SendAsync(new[] { new Rgb24(10, 20, 30) }, CancellationToken.None);

        Assert.NotNull(device);
        Assert.Equal(1, device.ConnectionSettings.BusId);
        Assert.Equal(2, device.ConnectionSettings.ChipSelectLine);
        Assert.Equal(8_000_000, device.ConnectionSettings.ClockFrequency);
        Assert.Equal(System.Device.Spi.SpiMode.Mode0, device.ConnectionSettings.Mode);
        Assert.Equal([0, 0, 0, 0, 0xFF, 30, 20, 10, 0, 0, 0, 0, 0], Assert.Single(device.Writes));
    }

    [Fact]
    public async Task StopAsync_AfterColors_WritesTheStripDark()
    {
        FakeSpiDevice? device = null;
        var options = new SpiOptions { Chip = SpiChip.Ws2812, Lights = ["tv"], LedCount = 1 };
        await using var transport = new SpiTransport(options, 1, settings => device = new FakeSpiDevice(settings));
        await transport.OpenAsync(CancellationToken.None);
        await transport.SendAsync(new[] { new Rgb24(255, 255, 255) }, CancellationToken.None);

        await transport.StopAsync(CancellationToken.None);

        // All-zero data bits: 100 repeated, 0x92 0x49 0x24 per color byte.
        Assert.Equal(2_400_000, device!.ConnectionSettings.ClockFrequency);
        Assert.Equal([0x92, 0x49, 0x24, 0x92, 0x49, 0x24, 0x92, 0x49, 0x24], device.Writes[^1].Take(9));
    }

    [Fact]
    public void Validate_Ws2812At8MHz_NamesSpeedHz()
    {
        var options = new SpiOptions { Chip = SpiChip.Ws2812, SpeedHz = 8_000_000, Lights = ["tv"], LedCount = 10 };

        var error = Assert.Single(options.Validate());

        Assert.Equal("speedHz", error.Key);
    }

    [Fact]
    public void Validate_DeviceNotSpidev_NamesDevice()
    {
        var options = new SpiOptions { Device = "/dev/ttyUSB0", Lights = ["tv"], LedCount = 10 };

        Assert.Equal("device", Assert.Single(options.Validate()).Key);
    }
}
