
using DominantColors.Regions;

namespace DominantColors.Strips;

/// <summary>
/// An LED strip around the screen (YAML section <c>layout</c>): how many LEDs run along each edge, the corner of
/// the first LED and the direction. Every LED, or every run of <see cref="LedsPerZone"/> LEDs on one edge, mirrors
/// the picture region just inside its own stretch of edge; <see cref="Zones"/> lists those regions so the pipeline
/// can pick a color for each.
/// </summary>
public sealed class StripLayout
{
    private enum Edge
    {
        Top,
        Right,
        Bottom,
        Left,
    }

    /// <summary><c>top</c>: LEDs along the top edge.</summary>
    public int Top { get; set; }

    /// <summary><c>right</c>: LEDs along the right edge (seen from the viewer).</summary>
    public int Right { get; set; }

    /// <summary><c>bottom</c>: LEDs along the bottom edge.</summary>
    public int Bottom { get; set; }

    /// <summary><c>left</c>: LEDs along the left edge.</summary>
    public int Left { get; set; }

    /// <summary><c>start</c>: the corner of LED 0.</summary>
    public StripCorner Start { get; set; } = StripCorner.BottomLeft;

    /// <summary><c>direction</c>.</summary>
    public StripDirection Direction { get; set; } = StripDirection.Clockwise;

    /// <summary><c>ledsPerZone</c>: neighbouring LEDs on one edge that share one color (1 = every LED its own).</summary>
    public int LedsPerZone { get; set; } = 1;

    /// <summary><c>depth</c>: how far into the picture an edge region reaches, as a fraction of width or height.</summary>
    public double Depth { get; set; } = 0.1;

    public int LedCount => Top + Right + Bottom + Left;

    public IEnumerable<OptionError> Validate(string prefix)
    {
        foreach (var (key, count) in new[] { ("top", Top), ("right", Right), ("bottom", Bottom), ("left", Left) })
        {
            if (count is < 0 or > 10000)
            {
                yield return new($"{prefix}{key}", $"{count} is not an LED count (0-10000)");
            }
        }

        if (LedCount == 0)
        {
            yield return new(prefix.TrimEnd(':'), "needs LEDs on at least one edge (top, right, bottom, left)");
        }

        if (LedsPerZone < 1)
        {
            yield return new($"{prefix}ledsPerZone", $"{LedsPerZone} must be at least 1");
        }

        if (Depth is <= 0 or > 0.5 || double.IsNaN(Depth))
        {
            yield return new($"{prefix}depth", $"{Depth} is not within (0, 0.5]");
        }
    }

    /// <summary>The zones in strip order; each light is named <c>&lt;prefix&gt;.&lt;index&gt;</c>.</summary>
    public IReadOnlyList<StripZone> Zones(string namePrefix)
    {
        var zones = new List<StripZone>();
        var led = 0;
        foreach (var (edge, reversed) in EdgesInStripOrder())
        {
            var count = Count(edge);
            for (var first = 0; first < count; first += LedsPerZone)
            {
                var run = Math.Min(LedsPerZone, count - first);

                // Position along the edge in the edge's own clockwise sense (top: left→right, right: top→bottom,
                // bottom: right→left, left: bottom→top), flipped when the strip runs the other way.
                var along = reversed ? count - first - run : first;
                zones.Add(new StripZone($"{namePrefix}.{zones.Count}", Region(edge, along, run, count), led, run));
                led += run;
            }
        }

        return zones;
    }

    private int Count(Edge edge) => edge switch
    {
        Edge.Top => Top,
        Edge.Right => Right,
        Edge.Bottom => Bottom,
        _ => Left,
    };

    private IEnumerable<(Edge Edge, bool Reversed)> EdgesInStripOrder()
    {
        // Clockwise, each corner begins the edge that leaves it: top-left → top, top-right → right, …
        var first = Start switch
        {
            StripCorner.TopLeft => 0,
            StripCorner.TopRight => 1,
            StripCorner.BottomRight => 2,
            _ => 3,
        };
        for (var i = 0; i < 4; i++)
        {
            // Counter-clockwise from a corner leaves along the edge that arrives there clockwise, walked backwards.
            yield return Direction == StripDirection.Clockwise
                ? ((Edge)((first + i) % 4), false)
                : ((Edge)((first + 3 - i + 4) % 4), true);
        }
    }

    private Zone Region(Edge edge, int along, int run, int count)
    {
        var start = (float)along / count;
        var length = (float)run / count;

        // From the far corner, computed from whole LED counts: 1 - start - length can round to just below 0.
        var fromEnd = (float)(count - along - run) / count;
        var depth = (float)Depth;
        return edge switch
        {
            Edge.Top => Zone.Create(start, 0, length, depth),
            Edge.Right => Zone.Create(1 - depth, start, depth, length),
            Edge.Bottom => Zone.Create(fromEnd, 1 - depth, length, depth),
            _ => Zone.Create(0, fromEnd, depth, length),
        };
    }
}
