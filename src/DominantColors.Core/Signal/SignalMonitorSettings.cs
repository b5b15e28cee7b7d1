using DominantColors.Colors;

namespace DominantColors.Signal;

/// <summary>When <see cref="SignalMonitor"/> decides the TV is off, and what the lights do then.</summary>
public sealed record SignalMonitorSettings
{
    /// <summary>Black or missing frames for this long mean the TV is off; long enough to outlast a film's dark scenes.</summary>
    public TimeSpan BlackTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long the lights take to fade from the picture to the idle color; zero switches at once.</summary>
    public TimeSpan FadeTime { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>A pixel is black when its brightest channel is at most this fraction of full scale (0..1).</summary>
    public float DarknessThreshold { get; init; } = 0.1f;

    /// <summary>A frame is black when at least this fraction of its pixels is (leaves room for a "no signal" logo).</summary>
    public float BlackCoverage { get; init; } = 0.98f;

    /// <summary>The color lights fade to; black turns them off.</summary>
    public Rgb24 IdleColor { get; init; } = Rgb24.Black;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting out of range.</summary>
    public void Validate()
    {
        Require(BlackTimeout >= TimeSpan.Zero, nameof(BlackTimeout), "zero or more", BlackTimeout);
        Require(FadeTime >= TimeSpan.Zero, nameof(FadeTime), "zero or more", FadeTime);
        Require(DarknessThreshold is >= 0f and < 1f, nameof(DarknessThreshold), "in 0..1 (below 1)", DarknessThreshold);
        Require(BlackCoverage is > 0f and <= 1f, nameof(BlackCoverage), "above 0 and at most 1", BlackCoverage);
    }

    private static void Require(bool ok, string name, string allowed, object value)
    {
        if (!ok)
        {
            throw new ArgumentException(FormattableString.Invariant($"Signal monitor {name} must be {allowed}, got {value}."), name);
        }
    }
}
