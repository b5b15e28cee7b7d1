using DominantColors.Colors;
using DominantColors.Frames;

namespace DominantColors.Signal;

/// <summary>
/// TV off / no signal: after <see cref="SignalMonitorSettings.BlackTimeout"/> of black or missing frames the
/// lights fade linearly to the idle color over <see cref="SignalMonitorSettings.FadeTime"/>, and they come back
/// at once with the first frame of picture. A pure function of (is the frame black?, timestamp).
/// </summary>
/// <remarks>
/// The host calls <see cref="Observe"/> for every frame, and with <c>black: true</c> on its own tick when no frame
/// arrives (missing frames count as black). The fade factor is best applied after smoothing and before the
/// output delay (<see cref="Apply"/>), so the fade is exactly as long as configured and lags like the picture.
/// Allocates nothing. Not thread-safe: observe, apply and update from the pipeline loop.
/// </remarks>
public sealed class SignalMonitor
{
    private readonly long _timestampFrequency;
    private SignalMonitorSettings _settings;
    private byte _darkMax;
    private long _timeoutTicks;
    private long _fadeTicks;
    private bool _black;
    private long _blackSince;
    private float _idleR;
    private float _idleG;
    private float _idleB;

    /// <param name="settings">Timeout, fade time, darkness threshold and idle color.</param>
    /// <param name="timestampFrequency">Ticks per second of the timestamps passed to <see cref="Observe"/>.</param>
    public SignalMonitor(SignalMonitorSettings settings, long timestampFrequency)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(timestampFrequency);
        _timestampFrequency = timestampFrequency;
        _settings = settings;
        Update(settings);
    }

    public SignalState State { get; private set; } = SignalState.Picture;

    /// <summary>1 while the picture drives the lights, falling linearly to 0 over the fade; 0 when off.</summary>
    public float FadeFactor { get; private set; } = 1f;

    /// <summary>Takes new settings (live reload); a black stretch in progress keeps its start time.</summary>
    public void Update(SignalMonitorSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        _settings = settings;
        _darkMax = (byte)Math.Round(settings.DarknessThreshold * 255f);
        _timeoutTicks = (long)(settings.BlackTimeout.TotalSeconds * _timestampFrequency);
        _fadeTicks = (long)(settings.FadeTime.TotalSeconds * _timestampFrequency);
        _idleR = ColorSpaces.SrgbToLinear(settings.IdleColor.R);
        _idleG = ColorSpaces.SrgbToLinear(settings.IdleColor.G);
        _idleB = ColorSpaces.SrgbToLinear(settings.IdleColor.B);
    }

    /// <summary>Advances to <paramref name="timestamp"/> with one observation and returns the new state.</summary>
    /// <param name="black">The frame was black, or no frame arrived.</param>
    /// <param name="timestamp">Ticks of the frequency given at construction.</param>
    public SignalState Observe(bool black, long timestamp)
    {
        if (!black)
        {
            _black = false;
            State = SignalState.Picture;
            FadeFactor = 1f;
            return State;
        }

        if (!_black)
        {
            _black = true;
            _blackSince = timestamp;
        }

        var intoFade = timestamp - _blackSince - _timeoutTicks;
        if (intoFade < 0)
        {
            State = SignalState.Waiting;
            FadeFactor = 1f;
        }
        else if (intoFade >= _fadeTicks)
        {
            State = SignalState.Off;
            FadeFactor = 0f;
        }
        else
        {
            State = SignalState.FadingOut;
            FadeFactor = 1f - ((float)intoFade / _fadeTicks);
        }

        return State;
    }

    /// <summary>Mixes each color towards the idle color by the fade factor, in linear light. No-op while picture.</summary>
    public void Apply(Span<Rgb24> colors)
    {
        var keep = FadeFactor;
        if (keep >= 1f)
        {
            return;
        }

        var idle = 1f - keep;
        for (var i = 0; i < colors.Length; i++)
        {
            var c = colors[i];
            colors[i] = new Rgb24(
                SrgbTransferTable.ToSrgb((ColorSpaces.SrgbToLinear(c.R) * keep) + (_idleR * idle)),
                SrgbTransferTable.ToSrgb((ColorSpaces.SrgbToLinear(c.G) * keep) + (_idleG * idle)),
                SrgbTransferTable.ToSrgb((ColorSpaces.SrgbToLinear(c.B) * keep) + (_idleB * idle)));
        }
    }

    /// <summary>Whether an image is black by this monitor's threshold and coverage. Allocates nothing.</summary>
    public bool IsBlack(Rgb24Image image) => IsBlack(image, _darkMax, _settings.BlackCoverage);

    /// <summary>
    /// Whether at least <paramref name="coverage"/> of the pixels have every channel at most
    /// <paramref name="darkMax"/>. An empty image is black. Allocates nothing.
    /// </summary>
    public static bool IsBlack(Rgb24Image image, byte darkMax, float coverage)
    {
        var allowedLit = (long)((1f - coverage) * image.Width * image.Height);
        long lit = 0;
        for (var y = 0; y < image.Height; y++)
        {
            var row = image.Row(y);
            for (var i = 0; i < row.Length; i += 3)
            {
                if (row[i] > darkMax || row[i + 1] > darkMax || row[i + 2] > darkMax)
                {
                    if (++lit > allowedLit)
                    {
                        return false;
                    }
                }
            }
        }

        return true;
    }
}
