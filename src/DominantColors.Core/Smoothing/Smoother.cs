using DominantColors.Colors;

namespace DominantColors.Smoothing;

/// <summary>
/// Time-based exponential smoothing of light colors in OKLab, one state per light, with a dead-band against
/// flicker: each light moves towards its target by 1 - e^(-dt/tau) of the way per frame, so the result depends
/// on elapsed time, not on the frame rate. A target within the dead-band of the one being followed is ignored.
/// </summary>
/// <remarks>
/// Stage order: ... -> pick -> calibration -> smoothing -> delay -> sinks. The first frame (and the first after
/// <see cref="Reset"/>) starts at its targets. <see cref="Next"/> allocates nothing. Not thread-safe: apply new
/// settings from the loop that calls <see cref="Next"/>.
/// </remarks>
public sealed class Smoother
{
    private readonly long _timestampFrequency;
    private readonly OkLab[] _state;
    private readonly OkLab[] _followed;
    private SmoothingSettings _settings = new();
    private double _timeConstantSeconds;
    private bool _started;
    private long _lastTimestamp;

    /// <param name="lights">Colors per frame.</param>
    /// <param name="settings">Preset, time constant and dead-band.</param>
    /// <param name="timestampFrequency">Ticks per second of the timestamps passed to <see cref="Next"/>.</param>
    public Smoother(int lights, SmoothingSettings settings, long timestampFrequency)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(lights);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(timestampFrequency);
        Lights = lights;
        _timestampFrequency = timestampFrequency;

        // Per light: where it is, and the target it is heading for.
        _state = new OkLab[lights];
        _followed = new OkLab[lights];
        Update(settings);
    }

    public int Lights { get; }

    public SmoothingSettings Settings => _settings;

    /// <summary>Takes new settings (live reload); the lights continue from where they are.</summary>
    public void Update(SmoothingSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        _settings = settings;
        _timeConstantSeconds = settings.EffectiveTimeConstant.TotalSeconds;
    }

    /// <summary>Switches preset (live reload), keeping the dead-band and dropping any time constant override.</summary>
    public void SetPreset(SmoothingPreset preset) => Update(_settings with { Preset = preset, TimeConstant = null });

    /// <summary>Forgets the state: the next frame's targets are output as they are.</summary>
    public void Reset() => _started = false;

    /// <summary>
    /// Puts the lights at <paramref name="shown"/> as of <paramref name="timestamp"/>, e.g. the faded colors when
    /// picture comes back after the TV was off: the next <see cref="Next"/> moves from there towards its targets
    /// instead of from the colors followed before. Allocates nothing.
    /// </summary>
    /// <param name="shown">One color per light.</param>
    /// <param name="timestamp">Ticks of the frequency given at construction.</param>
    public void Seed(ReadOnlySpan<Rgb24> shown, long timestamp)
    {
        if (shown.Length != Lights)
        {
            throw new ArgumentException($"Expected {Lights} colors, got {shown.Length}.", nameof(shown));
        }

        if (!_started)
        {
            for (var i = 0; i < Lights; i++)
            {
                _followed[i] = ColorSpaces.ToOkLab(shown[i]);
            }
        }

        for (var i = 0; i < Lights; i++)
        {
            _state[i] = ColorSpaces.ToOkLab(shown[i]);
        }

        _lastTimestamp = timestamp;
        _started = true;
    }

    /// <summary>
    /// Advances every light to <paramref name="timestamp"/> towards its target and writes the colors to show.
    /// Timestamps that do not move forward leave the lights where they are.
    /// </summary>
    /// <param name="targets">One target per light.</param>
    /// <param name="timestamp">Ticks of the frequency given at construction.</param>
    /// <param name="output">One color per light; may be the same memory as <paramref name="targets"/>.</param>
    public void Next(ReadOnlySpan<Rgb24> targets, long timestamp, Span<Rgb24> output)
    {
        if (targets.Length != Lights || output.Length != Lights)
        {
            throw new ArgumentException($"Expected {Lights} targets and outputs, got {targets.Length} and {output.Length}.", nameof(targets));
        }

        if (!_started || _timeConstantSeconds <= 0)
        {
            // First frame, or no smoothing: show the targets as they are, and remember them as the state so a
            // switch to a smoothing preset later continues from the colors on the lights.
            Follow(targets, force: true);
            _followed.AsSpan().CopyTo(_state);
            _lastTimestamp = timestamp;
            _started = true;
            targets.CopyTo(output);
            return;
        }

        Follow(targets, force: false);
        var elapsed = (double)(timestamp - _lastTimestamp) / _timestampFrequency;
        var step = elapsed > 0 ? (float)(1.0 - Math.Exp(-elapsed / _timeConstantSeconds)) : 0f;
        if (timestamp > _lastTimestamp)
        {
            _lastTimestamp = timestamp;
        }

        for (var i = 0; i < Lights; i++)
        {
            var from = _state[i];
            var to = _followed[i];
            var now = new OkLab(from.L + ((to.L - from.L) * step), from.A + ((to.A - from.A) * step), from.B + ((to.B - from.B) * step));
            _state[i] = now;
            output[i] = SrgbTransferTable.ToRgb24(now);
        }
    }

    /// <summary>Takes each new target unless it is within the dead-band of the one being followed.</summary>
    private void Follow(ReadOnlySpan<Rgb24> targets, bool force)
    {
        var band = _settings.DeadBand;
        var bandSquared = band * band;
        for (var i = 0; i < targets.Length; i++)
        {
            var target = ColorSpaces.ToOkLab(targets[i]);
            if (force || ColorSpaces.DistanceSquared(target, _followed[i]) > bandSquared)
            {
                _followed[i] = target;
            }
        }
    }
}
