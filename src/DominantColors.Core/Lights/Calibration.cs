using DominantColors.Colors;

namespace DominantColors.Lights;

/// <summary>
/// Adapts a picked color to the lights: saturation (in OKLab), white point and brightness (in linear light),
/// minimum brightness, then output gamma. Tables are rebuilt only when the settings change.
/// </summary>
/// <remarks>
/// Stage order: frame -> border crop -> per-zone tracker -> pick -> calibration -> smoothing -> delay -> sinks.
/// <see cref="Apply(Rgb24)"/> allocates nothing. Not thread-safe: update from the loop that applies it.
/// </remarks>
public sealed class Calibration
{
    private readonly byte[] _encode = new byte[SrgbTransferTable.EncodeLength];
    private CalibrationSettings _settings = new();
    private float _gainR;
    private float _gainG;
    private float _gainB;
    private float _minimum;
    private float _saturation;

    public Calibration(CalibrationSettings settings) => Update(settings);

    public CalibrationSettings Settings => _settings;

    /// <summary>Takes new settings (live reload) and rebuilds the tables.</summary>
    public void Update(CalibrationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        var (r, g, b) = settings.WhiteTemperature is { } kelvin ? ColorTemperature.Gains(kelvin) : (1f, 1f, 1f);
        _gainR = r * settings.RedGain * settings.Brightness;
        _gainG = g * settings.GreenGain * settings.Brightness;
        _gainB = b * settings.BlueGain * settings.Brightness;
        _minimum = settings.MinimumBrightness;
        _saturation = settings.Saturation;

        // Linear light -> 8-bit sRGB code -> output gamma, in one table.
        var gamma = (double)settings.Gamma;
        for (var i = 0; i < _encode.Length; i++)
        {
            var encoded = SrgbTransferTable.Encode(SrgbTransferTable.IndexToLinear(i));
            _encode[i] = (byte)Math.Round(Math.Pow(Math.Round(encoded * 255.0) / 255.0, gamma) * 255.0);
        }

        _settings = settings;
    }

    /// <summary>The calibrated color. Allocates nothing.</summary>
    public Rgb24 Apply(Rgb24 color)
    {
        var r = ColorSpaces.SrgbToLinear(color.R);
        var g = ColorSpaces.SrgbToLinear(color.G);
        var b = ColorSpaces.SrgbToLinear(color.B);

        if (_saturation != 1f)
        {
            var lab = ColorSpaces.LinearToOkLab(r, g, b);
            (r, g, b) = ColorSpaces.OkLabToLinear(lab.L, lab.A * _saturation, lab.B * _saturation);
            IntoGamut(ref r, ref g, ref b);
        }

        r *= _gainR;
        g *= _gainG;
        b *= _gainB;

        var max = MathF.Max(r, MathF.Max(g, b));
        if (max > 0f && max < _minimum)
        {
            var lift = _minimum / max;
            r *= lift;
            g *= lift;
            b *= lift;
        }

        return new Rgb24(
            _encode[SrgbTransferTable.Index(r)],
            _encode[SrgbTransferTable.Index(g)],
            _encode[SrgbTransferTable.Index(b)]);
    }

    /// <summary>Calibrates each color in place.</summary>
    public void Apply(Span<Rgb24> colors)
    {
        for (var i = 0; i < colors.Length; i++)
        {
            colors[i] = Apply(colors[i]);
        }
    }

    /// <summary>Negative channels to 0; if one is above 1, all scaled down together so the hue is kept.</summary>
    private static void IntoGamut(ref float r, ref float g, ref float b)
    {
        r = MathF.Max(r, 0f);
        g = MathF.Max(g, 0f);
        b = MathF.Max(b, 0f);
        var max = MathF.Max(r, MathF.Max(g, b));
        if (max > 1f)
        {
            r /= max;
            g /= max;
            b /= max;
        }
    }
}
