namespace DominantColors.Hue.Colors;

/// <summary>
/// The triangle of chromaticities a lamp can show. Colors outside it are moved to the nearest point on its edge,
/// so each bulb shows the closest color it can instead of whatever the bridge guesses.
/// </summary>
public sealed record ColorGamut(CieXy Red, CieXy Green, CieXy Blue)
{
    /// <summary>Gamut A: LivingColors and early light strips.</summary>
    public static ColorGamut A { get; } = new(new(0.704, 0.296), new(0.2151, 0.7106), new(0.138, 0.08));

    /// <summary>Gamut B: first-generation color bulbs.</summary>
    public static ColorGamut B { get; } = new(new(0.675, 0.322), new(0.409, 0.518), new(0.167, 0.04));

    /// <summary>Gamut C: current color lights.</summary>
    public static ColorGamut C { get; } = new(new(0.6915, 0.3083), new(0.17, 0.7), new(0.1532, 0.0475));

    /// <summary>For lights that report no gamut: everything the xy plane allows.</summary>
    public static ColorGamut Unknown { get; } = new(new(1, 0), new(0, 1), new(0, 0));

    /// <summary>The gamut of a <c>gamut_type</c> letter (A, B, C), or <see cref="Unknown"/>.</summary>
    public static ColorGamut FromType(string? gamutType) => gamutType switch
    {
        "A" or "a" => A,
        "B" or "b" => B,
        "C" or "c" => C,
        _ => Unknown,
    };

    /// <summary>True when <paramref name="point"/> lies inside the triangle or on its edge.</summary>
    public bool Contains(CieXy point)
    {
        var d1 = Cross(Red, Green, point);
        var d2 = Cross(Green, Blue, point);
        var d3 = Cross(Blue, Red, point);
        var hasNegative = d1 < 0 || d2 < 0 || d3 < 0;
        var hasPositive = d1 > 0 || d2 > 0 || d3 > 0;
        return !(hasNegative && hasPositive);
    }

    /// <summary>The point itself when inside; otherwise the closest point on the triangle's edges.</summary>
    public CieXy Clamp(CieXy point)
    {
        if (Contains(point))
        {
            return point;
        }

        var best = ClosestOnSegment(Red, Green, point);
        var bestDistance = DistanceSquared(best, point);
        foreach (var candidate in (ReadOnlySpan<CieXy>)[ClosestOnSegment(Green, Blue, point), ClosestOnSegment(Blue, Red, point)])
        {
            var distance = DistanceSquared(candidate, point);
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best;
    }

    private static double Cross(CieXy a, CieXy b, CieXy p) => ((b.X - a.X) * (p.Y - a.Y)) - ((b.Y - a.Y) * (p.X - a.X));

    private static CieXy ClosestOnSegment(CieXy a, CieXy b, CieXy p)
    {
        double abX = b.X - a.X, abY = b.Y - a.Y;
        var t = (((p.X - a.X) * abX) + ((p.Y - a.Y) * abY)) / ((abX * abX) + (abY * abY));
        t = Math.Clamp(t, 0, 1);
        return new CieXy(a.X + (abX * t), a.Y + (abY * t));
    }

    private static double DistanceSquared(CieXy a, CieXy b)
    {
        double dx = a.X - b.X, dy = a.Y - b.Y;
        return (dx * dx) + (dy * dy);
    }
}
