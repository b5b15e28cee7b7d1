using System.ComponentModel.DataAnnotations;

namespace DominantColors.Sources.Hosting;

/// <summary><c>source:</c> with <c>type: pattern</c>: the built-in animated test scene.</summary>
internal sealed class PatternSourceOptions
{
    [Range(0.1, 240.0)]
    public double Fps { get; set; } = 30;

    /// <summary>Seconds for one turn of the color wheel.</summary>
    [Range(0.1, 3600.0)]
    public double PeriodSeconds { get; set; } = 12;

    /// <summary>Share of each period shown black, to try the TV-off fade (0 = never).</summary>
    [Range(0.0, 0.9)]
    public double DarkFraction { get; set; }
}
