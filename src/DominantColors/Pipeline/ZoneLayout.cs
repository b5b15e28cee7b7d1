using DominantColors.Lights;
using DominantColors.Regions;

namespace DominantColors.Pipeline;

/// <summary>The distinct zones of a set of lights (one palette tracker each) and which zone each light reads.</summary>
internal sealed class ZoneLayout
{
    public ZoneLayout(IReadOnlyList<LightDefinition> lights)
    {
        ArgumentNullException.ThrowIfNull(lights);
        var zones = new List<Zone>();
        LightZone = new int[lights.Count];
        for (var i = 0; i < lights.Count; i++)
        {
            var index = zones.IndexOf(lights[i].Zone);
            if (index < 0)
            {
                index = zones.Count;
                zones.Add(lights[i].Zone);
            }

            LightZone[i] = index;
        }

        Zones = zones;
    }

    public IReadOnlyList<Zone> Zones { get; }

    /// <summary>For each light (in settings order), the index of its zone in <see cref="Zones"/>.</summary>
    public int[] LightZone { get; }
}
