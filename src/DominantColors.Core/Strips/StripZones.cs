using DominantColors.Colors;
using DominantColors.Regions;

namespace DominantColors.Strips;

/// <summary>Zones of an LED strip that has no <see cref="StripLayout"/>, and the zone-to-LED expansion every strip output shares.</summary>
public static class StripZones
{
    /// <summary>
    /// <paramref name="ledCount"/> LEDs split into equal runs, one per light, in strip order; each run follows its
    /// configured light (the region is the whole picture: the light's own zone decides what it shows).
    /// </summary>
    public static IReadOnlyList<StripZone> EqualRuns(IReadOnlyList<string> lights, int ledCount)
    {
        ArgumentNullException.ThrowIfNull(lights);
        var zones = new StripZone[lights.Count];
        for (var i = 0; i < zones.Length; i++)
        {
            var first = i * ledCount / zones.Length;
            var next = (i + 1) * ledCount / zones.Length;
            zones[i] = new StripZone(lights[i], Zone.Create(0, 0, 1, 1), first, next - first);
        }

        return zones;
    }

    /// <summary>Fills each zone's LEDs with that zone's color (<paramref name="colors"/> in zone order); allocates nothing.</summary>
    public static void Fill(IReadOnlyList<StripZone> zones, ReadOnlySpan<Rgb24> colors, Span<Rgb24> leds)
    {
        ArgumentNullException.ThrowIfNull(zones);
        for (var z = 0; z < zones.Count; z++)
        {
            var zone = zones[z];
            leds.Slice(zone.FirstLed, zone.LedCount).Fill(colors[z]);
        }
    }
}
