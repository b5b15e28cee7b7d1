using DominantColors.Smoothing;

namespace DominantColors.Control;

/// <summary>
/// The controls a user changes while the daemon runs, from the YAML file, the web page or Home Assistant: ambient
/// light on or off, brightness and smoothing intensity. The pipeline reads it every frame (reads allocate nothing);
/// anyone may write. <see cref="Version"/> grows with each change, so readers can tell cheaply that something moved.
/// </summary>
internal sealed class AmbientSettings
{
    private volatile bool _enabled = true;
    private double _brightness = 1.0;
    private volatile SmoothingPreset _intensity = SmoothingPreset.Moderate;
    private long _version;

    /// <summary>Raised after a change, on the writer's thread.</summary>
    public event EventHandler? Changed;

    /// <summary>False: the lights go dark (all outputs receive black) until switched on again.</summary>
    public bool Enabled
    {
        get => _enabled;
        set
        {
            _enabled = value;
            OnChanged();
        }
    }

    /// <summary>A scale on the calibrated colors, 0..1.</summary>
    public double Brightness
    {
        get => Volatile.Read(ref _brightness);
        set
        {
            Volatile.Write(ref _brightness, Math.Clamp(value, 0.0, 1.0));
            OnChanged();
        }
    }

    public SmoothingPreset Intensity
    {
        get => _intensity;
        set
        {
            _intensity = value;
            OnChanged();
        }
    }

    public long Version => Interlocked.Read(ref _version);

    private void OnChanged()
    {
        Interlocked.Increment(ref _version);
        Changed?.Invoke(this, EventArgs.Empty);
    }
}
