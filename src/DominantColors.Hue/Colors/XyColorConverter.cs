using DominantColors.Colors;

namespace DominantColors.Hue.Colors;

/// <summary>
/// sRGB (8 bits per channel) to CIE xy plus brightness, clamped into a lamp's gamut. Linearises with the sRGB curve,
/// converts to XYZ with the chosen primaries and takes x = X/(X+Y+Z), y = Y/(X+Y+Z). Brightness is the color's value:
/// its largest channel as the picture stores it (sRGB-encoded, 0 to 1).
/// </summary>
/// <remarks>
/// A Hue bulb's brightness is its level relative to the most it gives at the chromaticity it shows, so a full red,
/// green or blue picture must drive it fully, as white does; luminance Y (Philips' conversion page) dims saturated
/// colors by their share of white instead (red to 21 %, blue to 7 %). The level is on a perceptual scale (Hue bulbs
/// dim logarithmically: about a quarter of the light at 50 %), so the encoded value, not the linear one, makes the bulb
/// give about the share of its light that the screen gives of its own: half-code red (128) sends 50 % where the linear
/// channel (0.216) would send the bulb far darker than the picture. The calibration's brightness cap and minimum,
/// set in linear light on the same largest channel, bound it through the calibrated color, and its gamma shapes
/// the level for bulbs that dim differently. Black has no chromaticity: it keeps the white point and reports
/// brightness 0 (dark). Allocation-free; the linearisation is Core's 256-entry table.
/// </remarks>
public sealed class XyColorConverter
{
    // Rows X, Y, Z of the RGB-to-XYZ matrix.
    private readonly double _xr, _xg, _xb, _yr, _yg, _yb, _zr, _zg, _zb;
    private readonly CieXy _white;

    public XyColorConverter(RgbPrimaries primaries = RgbPrimaries.Srgb)
    {
        Primaries = primaries;
        if (primaries == RgbPrimaries.HueWide)
        {
            (_xr, _xg, _xb) = (0.664511, 0.154324, 0.162028);
            (_yr, _yg, _yb) = (0.283881, 0.668433, 0.047685);
            (_zr, _zg, _zb) = (0.000088, 0.072310, 0.986039);
            _white = new CieXy(0.3227, 0.3290);
        }
        else
        {
            (_xr, _xg, _xb) = (0.4124, 0.3576, 0.1805);
            (_yr, _yg, _yb) = (0.2126, 0.7152, 0.0722);
            (_zr, _zg, _zb) = (0.0193, 0.1192, 0.9505);
            _white = new CieXy(0.3127, 0.3290);
        }
    }

    public RgbPrimaries Primaries { get; }

    /// <summary>The color as xy (inside <paramref name="gamut"/>) and brightness 0 to 1.</summary>
    public XyBrightness Convert(Rgb24 color, ColorGamut gamut)
    {
        ArgumentNullException.ThrowIfNull(gamut);
        double r = ColorSpaces.SrgbToLinear(color.R), g = ColorSpaces.SrgbToLinear(color.G), b = ColorSpaces.SrgbToLinear(color.B);
        var x = (_xr * r) + (_xg * g) + (_xb * b);
        var y = (_yr * r) + (_yg * g) + (_yb * b);
        var z = (_zr * r) + (_zg * g) + (_zb * b);
        var sum = x + y + z;
        if (sum <= 0)
        {
            return new XyBrightness(gamut.Clamp(_white), 0);
        }

        var xy = gamut.Clamp(new CieXy(x / sum, y / sum));
        return new XyBrightness(xy, Math.Max(color.R, Math.Max(color.G, color.B)) / 255.0);
    }
}
