using DominantColors.Lights;
using DominantColors.Smoothing;

namespace DominantColors.Pipeline;

/// <summary>Each light's pick, held on the cluster it follows (<see cref="LightPickHold"/>).</summary>
internal sealed partial class LightPipeline
{
    private readonly LightPickHold _pickHold;

    /// <summary>The smoothing settings the hold was last derived from.</summary>
    private SmoothingSettings? _pickHoldSmoothing;

    /// <summary>
    /// Chooses every light's target from its zone's palette of this frame. The hold scales with the smoothing in
    /// force (its settings are rebuilt only when that changes). Allocates nothing per frame.
    /// </summary>
    private void PickLights(long now)
    {
        if (!ReferenceEquals(_pickHoldSmoothing, _smoother.Settings))
        {
            _pickHoldSmoothing = _smoother.Settings;
            _pickHold.Update(LightPickHoldSettings.For(_pickHoldSmoothing));
        }

        var lights = _settings.Lights;
        for (var i = 0; i < lights.Count; i++)
        {
            var zone = _layout.LightZone[i];
            var tracker = _trackers[zone];
            var sceneCut = tracker.LastWasColdStart || tracker.LastWasSceneCut;
            _targets[i] = _pickHold.Select(i, lights[i].Pick, _palettes[zone], sceneCut, now).Color;
        }
    }
}
