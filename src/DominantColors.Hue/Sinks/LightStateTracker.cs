using DominantColors.Hue.Bridge;
using DominantColors.Hue.Colors;

namespace DominantColors.Hue.Sinks;

/// <summary>
/// What one bulb was last told, and the smallest command that brings it to a new color: only attributes that changed
/// (after rounding to what the bulb can show) are sent; black turns the bulb off and sends nothing else.
/// </summary>
internal sealed class LightStateTracker
{
    private bool? _on;
    private double? _brightness;
    private CieXy? _xy;

    /// <summary>The command for <paramref name="target"/>, empty when nothing visible would change.</summary>
    public LightCommand Diff(XyBrightness target, TimeSpan transition)
    {
        if (target.IsDark)
        {
            return _on == false ? default : new LightCommand(false, null, null, transition);
        }

        var brightness = Math.Round(target.Brightness * 100);
        var xy = new CieXy(Math.Round(target.Xy.X, 3), Math.Round(target.Xy.Y, 3));
        return new LightCommand(
            _on == true ? null : true,
            _brightness == brightness ? null : brightness,
            _xy == xy ? null : xy,
            transition);
    }

    /// <summary>Records that <paramref name="command"/> reached the bulb.</summary>
    public void Sent(LightCommand command)
    {
        _on = command.On ?? _on;
        _brightness = command.Brightness ?? _brightness;
        _xy = command.Xy ?? _xy;
    }

    /// <summary>Forgets everything (after the bulb may have been changed by someone else).</summary>
    public void Reset() => (_on, _brightness, _xy) = (null, null, null);
}
