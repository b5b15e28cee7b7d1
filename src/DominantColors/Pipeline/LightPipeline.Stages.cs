using DominantColors.Colors;
using DominantColors.Frames;
using DominantColors.Options;

namespace DominantColors.Pipeline;

/// <summary>Border crop, signal watch, calibration, smoothing and output delay of <see cref="LightPipeline"/>.</summary>
internal sealed partial class LightPipeline
{
    private const int DelayCapacity = 512;

    private OkLab[] _smoothed = [];
    private Rgb24[] _releasedColors = [];
    private long _lastSmooth;
    private bool _smoothStarted;
    private Rgb24 _idle;
    private long _lastStep;
    private long _lastPicture;
    private double _presence = 1;
    private bool _hasStepped;
    private long[] _delayTimes = [];
    private Rgb24[] _delayColors = [];
    private int _delayHead;
    private int _delayCount;

    /// <summary>0 while the TV counts as off (lights at the idle color), 1 while a picture shows; fades in between.</summary>
    public double Presence => _presence;

    private void ConfigureStages(PipelineSettings settings)
    {
        if (_smoothed.Length != settings.Lights.Count)
        {
            _smoothed = new OkLab[settings.Lights.Count];
            _releasedColors = new Rgb24[settings.Lights.Count];
            _smoothStarted = false;
            _delayColors = new Rgb24[DelayCapacity * settings.Lights.Count];
            _delayTimes = new long[DelayCapacity];
            _delayCount = 0;
        }

        _idle = Rgb24.TryParseHex(settings.Signal.IdleColor, out var idle) ? idle : default;
    }

    private (int Left, int Top, int Width, int Height) CropBorders(Rgb24Image image)
    {
        if (!_settings.Analysis.Borders)
        {
            return (0, 0, image.Width, image.Height);
        }

        var level = _settings.Signal.BlackLevel;
        var top = 0;
        while (top < image.Height / 3 && IsDarkRow(image.Row(top), level))
        {
            top++;
        }

        var bottom = image.Height;
        while (bottom > (image.Height * 2 / 3) && IsDarkRow(image.Row(bottom - 1), level))
        {
            bottom--;
        }

        return (0, top, image.Width, Math.Max(1, bottom - top));
    }

    private static bool IsDarkRow(ReadOnlySpan<byte> row, int level)
    {
        foreach (var value in row)
        {
            if (value > level)
            {
                return false;
            }
        }

        return true;
    }

    private void UpdateSignal(Frame? frame, long now)
    {
        var dt = _hasStepped ? _timeProvider.GetElapsedTime(_lastStep, now).TotalSeconds : 0;
        if (!_hasStepped)
        {
            _lastPicture = now;
        }

        _hasStepped = true;
        _lastStep = now;
        if (frame is not null && !IsDarkRow(frame.Pixels, _settings.Signal.BlackLevel))
        {
            _lastPicture = now;
        }

        var off = _timeProvider.GetElapsedTime(_lastPicture, now).TotalSeconds >= _settings.Signal.OffAfterSeconds;
        var fade = _settings.Signal.FadeSeconds;
        var step = fade <= 0 ? 1 : dt / fade;
        _presence = off ? Math.Max(0, _presence - step) : Math.Min(1, _presence + step);
    }

    private void ComputeLights(long now)
    {
        var dt = _smoothStarted ? _timeProvider.GetElapsedTime(_lastSmooth, now).TotalSeconds : double.MaxValue;
        _smoothStarted = true;
        _lastSmooth = now;
        var tau = _control.Intensity switch
        {
            SmoothingIntensity.None => 0,
            SmoothingIntensity.Subtle => 0.08,
            SmoothingIntensity.Moderate => 0.2,
            SmoothingIntensity.High => 0.45,
            _ => 1.0,
        };
        var alpha = tau <= 0 ? 1f : (float)(1 - Math.Exp(-dt / tau));
        var deadBand = (float)_settings.Smoothing.DeadBand;
        var calibration = _settings.Calibration;
        var brightness = _control.Enabled ? calibration.Brightness * _control.Brightness : 0;
        for (var i = 0; i < _target.Length; i++)
        {
            var target = _target[i];
            var current = _smoothed[i];
            if (ColorSpaces.DistanceSquared(target, current) > deadBand * deadBand || alpha >= 1f)
            {
                _smoothed[i] = new OkLab(
                    current.L + ((target.L - current.L) * alpha),
                    current.A + ((target.A - current.A) * alpha),
                    current.B + ((target.B - current.B) * alpha));
            }

            var color = Calibrate(_smoothed[i], calibration, brightness);
            _colors[i] = Mix(_idle, color, _presence);
        }
    }

    private static Rgb24 Calibrate(OkLab lab, CalibrationOptions calibration, double brightness)
    {
        var saturation = (float)calibration.Saturation;
        var rgb = ColorSpaces.ToRgb24(new OkLab(lab.L, lab.A * saturation, lab.B * saturation));
        var r = Math.Pow(ColorSpaces.SrgbToLinear(rgb.R), calibration.Gamma) * brightness;
        var g = Math.Pow(ColorSpaces.SrgbToLinear(rgb.G), calibration.Gamma) * brightness;
        var b = Math.Pow(ColorSpaces.SrgbToLinear(rgb.B), calibration.Gamma) * brightness;
        var max = Math.Max(r, Math.Max(g, b));
        if (max > 0 && max < calibration.MinBrightness && brightness > 0)
        {
            var up = calibration.MinBrightness / max;
            (r, g, b) = (r * up, g * up, b * up);
        }

        return new Rgb24(ColorSpaces.LinearToSrgb((float)r), ColorSpaces.LinearToSrgb((float)g), ColorSpaces.LinearToSrgb((float)b));
    }

    private static Rgb24 Mix(Rgb24 from, Rgb24 to, double amount) =>
        amount >= 1 ? to : new Rgb24(
            (byte)Math.Round(from.R + ((to.R - from.R) * amount)),
            (byte)Math.Round(from.G + ((to.G - from.G) * amount)),
            (byte)Math.Round(from.B + ((to.B - from.B) * amount)));

    /// <summary>Queues this step's colors and puts back in <c>_colors</c> those whose delay has passed; false: none yet.</summary>
    private bool Delay(long now)
    {
        var delay = TimeSpan.FromMilliseconds(_settings.Smoothing.DelayMs);
        if (delay <= TimeSpan.Zero)
        {
            return true;
        }

        var lights = _colors.Length;
        var tail = (_delayHead + _delayCount) % DelayCapacity;
        if (_delayCount == DelayCapacity)
        {
            _delayHead = (_delayHead + 1) % DelayCapacity;
            _delayCount--;
        }

        _delayTimes[tail] = now;
        _colors.CopyTo(_delayColors.AsSpan(tail * lights, lights));
        _delayCount++;

        var released = false;
        while (_delayCount > 0 && _timeProvider.GetElapsedTime(_delayTimes[_delayHead], now) >= delay)
        {
            _delayColors.AsSpan(_delayHead * lights, lights).CopyTo(_releasedColors);
            _delayHead = (_delayHead + 1) % DelayCapacity;
            _delayCount--;
            released = true;
        }

        if (released)
        {
            _releasedColors.AsSpan(0, lights).CopyTo(_colors);
        }

        return released;
    }
}
