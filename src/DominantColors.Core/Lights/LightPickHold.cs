using DominantColors.Palettes;

namespace DominantColors.Lights;

/// <summary>
/// Keeps each light on the cluster its pick follows, so two clusters of nearly equal share (half the picture blue,
/// half orange) do not make the light flip between them from frame to frame. A <see cref="PaletteTracker"/> keeps a
/// cluster in its slot of <see cref="Palette.BySlot"/> from frame to frame; this follows that slot and switches to the
/// pick's choice of this frame only when:
/// <list type="bullet">
/// <item>the choice scores more than <see cref="LightPickHoldSettings.Margin"/> apart from the followed cluster (share
/// for <c>dominant</c> and <c>rank:N</c>, colorfulness for <c>accent</c>, see <see cref="LightPick.Score"/>) on every
/// frame for <see cref="LightPickHoldSettings.Hold"/>; whichever cluster is the choice when the hold ends wins;</item>
/// <item>or at once: the palette starts a new scene (the tracker's first frame or cold restart, or a cut it saw), the
/// followed cluster left the picture (share 0) or the pick's filter now skips it, or the light's pick changed.</item>
/// </list>
/// </summary>
/// <remarks>
/// Stage order: palette tracker -> pick (this) -> calibration -> smoothing. Pure: time arrives as timestamps.
/// <see cref="Select"/> allocates nothing. Not thread-safe: call it and <see cref="Update"/> from one loop.
/// </remarks>
public sealed class LightPickHold
{
    private const long NotChallenged = long.MinValue;

    private readonly long _timestampFrequency;
    private readonly int[] _held;
    private readonly long[] _challengedSince;
    private readonly LightPick[] _picks;
    private LightPickHoldSettings _settings = new();
    private long _holdTicks;

    /// <param name="lights">Lights, each with a state of its own.</param>
    /// <param name="settings">Margin and hold.</param>
    /// <param name="timestampFrequency">Ticks per second of the timestamps passed to <see cref="Select"/>.</param>
    public LightPickHold(int lights, LightPickHoldSettings settings, long timestampFrequency)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(lights);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(timestampFrequency);
        _timestampFrequency = timestampFrequency;
        _held = new int[lights];
        _challengedSince = new long[lights];
        _picks = new LightPick[lights];
        Update(settings);
        Reset();
    }

    public int Lights => _held.Length;

    public LightPickHoldSettings Settings => _settings;

    /// <summary>Takes new settings (live reload); a hold under way is measured against the new one.</summary>
    public void Update(LightPickHoldSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        _settings = settings;
        _holdTicks = (long)Math.Round(settings.Hold.TotalSeconds * _timestampFrequency);
    }

    /// <summary>Forgets every light's cluster: the next <see cref="Select"/> takes the pick's choice as it is.</summary>
    public void Reset()
    {
        _held.AsSpan().Fill(-1);
        _challengedSince.AsSpan().Fill(NotChallenged);
    }

    /// <summary>The slot in <see cref="Palette.BySlot"/> a light follows, or -1 before its first palette.</summary>
    public int HeldSlot(int light) => _held[light];

    /// <summary>
    /// The palette entry a light shows this frame. An empty palette gives black with weight 0 and leaves the light's
    /// state as it was. Allocates nothing.
    /// </summary>
    /// <param name="light">The light's index, 0 to <see cref="Lights"/> - 1.</param>
    /// <param name="pick">The light's pick.</param>
    /// <param name="palette">Its zone's palette, from the tracker that produced the previous ones.</param>
    /// <param name="sceneCut">
    /// Whether the palette starts a new scene: the tracker's <see cref="PaletteTracker.LastWasColdStart"/> (its first frame,
    /// or a cut clustered afresh) or <see cref="PaletteTracker.LastWasSceneCut"/>. Switches at once.
    /// </param>
    /// <param name="timestamp">The frame's time, in ticks of the frequency given at construction.</param>
    /// <param name="filter">Entries the dominant and accent picks skip, as for <see cref="LightPick.Select"/>.</param>
    public PaletteEntry Select(int light, LightPick pick, Palette palette, bool sceneCut, long timestamp, PaletteFilter filter = default)
    {
        ArgumentNullException.ThrowIfNull(palette);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)light, (uint)_held.Length, nameof(light));
        var choice = pick.SelectSlot(palette, filter);
        if (choice < 0)
        {
            return default;
        }

        var slots = palette.BySlot;
        var held = _held[light];
        if (sceneCut || held < 0 || held >= slots.Length || pick != _picks[light] || !StillShown(pick, slots[held], slots[choice], filter))
        {
            return Take(light, pick, slots, choice);
        }

        if (choice == held || !ClearlyApart(pick.Score(slots[choice]), pick.Score(slots[held])))
        {
            _challengedSince[light] = NotChallenged;
            return slots[held];
        }

        if (_challengedSince[light] == NotChallenged)
        {
            _challengedSince[light] = timestamp;
        }

        return timestamp - _challengedSince[light] >= _holdTicks ? Take(light, pick, slots, choice) : slots[held];
    }

    /// <summary>
    /// The followed cluster still has a share and passes the filter (unless the filter passes nothing this frame,
    /// when the pick falls back to the heaviest cluster anyway).
    /// </summary>
    private static bool StillShown(LightPick pick, in PaletteEntry held, in PaletteEntry choice, PaletteFilter filter) =>
        LightPick.IsShown(held) && (pick.Kind == LightPickKind.Rank || filter.Allows(held) || !filter.Allows(choice));

    /// <summary>
    /// Whether two scores differ by more than the margin as a ratio. Either way round: for <c>rank:N</c> the followed
    /// cluster may have overtaken the one ahead of it, and it then must lead by the margin before the light moves on.
    /// </summary>
    private bool ClearlyApart(float a, float b)
    {
        var factor = 1f + _settings.Margin;
        return a > b ? a > b * factor : b > a * factor;
    }

    private PaletteEntry Take(int light, LightPick pick, ReadOnlySpan<PaletteEntry> slots, int choice)
    {
        _held[light] = choice;
        _picks[light] = pick;
        _challengedSince[light] = NotChallenged;
        return slots[choice];
    }
}
