using System.Globalization;
using DominantColors.Smoothing;

namespace DominantColors.Lights;

/// <summary>
/// When <see cref="LightPickHold"/> lets a light leave the cluster it follows: another cluster must score more than
/// <see cref="Margin"/> better (or worse, for a <c>rank:N</c> pick the held cluster has overtaken) on every frame for
/// <see cref="Hold"/>.
/// </summary>
public sealed record LightPickHoldSettings
{
    /// <summary>The longest hold <see cref="For(SmoothingSettings)"/> derives from a time constant.</summary>
    public static readonly TimeSpan MaxDerivedHold = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How much better, as a ratio minus one, the challenger must score: 0.15 means 15 % more share (or 15 % more
    /// colorfulness for <c>accent</c>), so 52 % against 48 % (8 % more) never switches while 60 % against 40 % does.
    /// </summary>
    public float Margin { get; init; } = 0.15f;

    /// <summary>How long the challenger must stay that much better; zero switches on the first such frame.</summary>
    public TimeSpan Hold { get; init; } = TimeSpan.FromMilliseconds(300);

    /// <summary>
    /// The rule for a smoothing setting: the 15 % margin, held for one smoothing time constant (at most
    /// <see cref="MaxDerivedHold"/>): subtle 600 ms, moderate 300 ms, high 150 ms, intense 60 ms, and no hold for
    /// none (the margin alone still keeps near-equal clusters from flipping). A real change so starts to show
    /// within one time constant plus a frame, which at the default intensity is well under half a second.
    /// </summary>
    public static LightPickHoldSettings For(SmoothingSettings smoothing)
    {
        ArgumentNullException.ThrowIfNull(smoothing);
        var tau = smoothing.EffectiveTimeConstant;
        return new LightPickHoldSettings { Hold = tau < MaxDerivedHold ? tau : MaxDerivedHold };
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting out of range.</summary>
    public void Validate()
    {
        if (!float.IsFinite(Margin) || Margin is < 0f or > 10f)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Pick margin must be in 0..10 (a ratio minus one), got {Margin}."), nameof(Margin));
        }

        if (Hold < TimeSpan.Zero || Hold > TimeSpan.FromMinutes(1))
        {
            throw new ArgumentException($"Pick hold must be in 0..60 s, got {Hold}.", nameof(Hold));
        }
    }
}
