using DominantColors.Leds.Streaming;

namespace DominantColors.Leds.Adalight;

/// <summary>One <c>type: adalight</c> output: an Arduino (or similar) on a serial port running an Adalight sketch.</summary>
public sealed class AdalightOptions : LedStripOptions
{
    private static readonly int[] Bauds = [9600, 19200, 38400, 57600, 115200, 230400, 250000, 460800, 500000, 921600, 1000000, 2000000];

    /// <summary><c>device</c>: the serial port, e.g. <c>/dev/ttyUSB0</c> or <c>/dev/ttyACM0</c>.</summary>
    public string Device { get; set; } = string.Empty;

    /// <summary><c>baud</c>: as the sketch sets it.</summary>
    public int Baud { get; set; } = 115200;

    /// <summary><c>keepAlive</c>: seconds after which the last frame is sent again when nothing changed (0: never).</summary>
    public double KeepAlive { get; set; } = 1;

    protected override int MaxLeds => AdalightFrameWriter.MaxLeds;

    protected override void ValidateDevice(List<OptionError> errors)
    {
        if (string.IsNullOrWhiteSpace(Device))
        {
            errors.Add(new("device", "is required (the serial port, e.g. /dev/ttyUSB0)"));
        }

        if (Array.IndexOf(Bauds, Baud) < 0)
        {
            errors.Add(new("baud", $"{Baud} is not a serial speed this output offers ({string.Join(", ", Bauds)})"));
        }

        if (KeepAlive is < 0 or > 3600 || double.IsNaN(KeepAlive))
        {
            errors.Add(new("keepAlive", $"{KeepAlive} is not 0 (off) to 3600 seconds"));
        }
    }
}
