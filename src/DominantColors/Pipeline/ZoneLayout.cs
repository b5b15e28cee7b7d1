using DominantColors.Lights;

namespace DominantColors.Pipeline;

/// <summary>The distinct zones of a set of lights (one palette tracker each) and which zone each light reads.</summary>
internal sealed class ZoneLayout
{
    public ZoneLayout(IReadOnlyList<LightDefinition> lights)
    {
        ArgumentNullException.ThrowIfNull(lights);
        var zones = new List<ScreenArea>();
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

    public IReadOnlyList<ScreenArea> Zones { get; }

    /// <summary>For each light (in settings order), the index of its zone in <see cref="Zones"/>.</summary>
    public int[] LightZone { get; }

    /// <summary>The pixel rectangle of <paramref name="area"/> within a picture rectangle; at least one pixel.</summary>
    public static (int X, int Y, int Width, int Height) ToPixels(ScreenArea area, int left, int top, int width, int height)
    {
        var x0 = left + (int)Math.Round(area.X * width);
        var y0 = top + (int)Math.Round(area.Y * height);
        var x1 = left + (int)Math.Round((area.X + area.Width) * width);
        var y1 = top + (int)Math.Round((area.Y + area.Height) * height);
        x0 = Math.Clamp(x0, left, Math.Max(left, left + width - 1));
        y0 = Math.Clamp(y0, top, Math.Max(top, top + height - 1));
        x1 = Math.Clamp(Math.Max(x1, x0 + 1), x0, left + width);
        y1 = Math.Clamp(Math.Max(y1, y0 + 1), y0, top + height);
        return (x0, y0, x1 - x0, y1 - y0);
    }
}
