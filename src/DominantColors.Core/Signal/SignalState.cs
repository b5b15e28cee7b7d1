namespace DominantColors.Signal;

/// <summary>Where the lights are in the no-signal cycle of <see cref="SignalMonitor"/>.</summary>
public enum SignalState
{
    /// <summary>Picture is coming in; lights show it.</summary>
    Picture,

    /// <summary>Black or missing frames, but for less than the timeout (a fade to black in a film, a cut).</summary>
    Waiting,

    /// <summary>Black for longer than the timeout: the lights are fading towards the idle color.</summary>
    FadingOut,

    /// <summary>Faded out completely: the lights show the idle color (black: off).</summary>
    Off,
}
