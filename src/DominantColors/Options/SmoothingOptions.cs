using System.ComponentModel.DataAnnotations;
using DominantColors.Configuration;
using DominantColors.Smoothing;

namespace DominantColors.Options;

/// <summary>The <c>smoothing:</c> section: how lights follow the picture over time. Changes apply live.</summary>
internal sealed class SmoothingOptions : IConfigSection
{
    public static string SectionName => "smoothing";

    /// <summary>none | subtle | moderate | high | intense (Hue Sync's levels); the web page and Home Assistant can change it.</summary>
    public SmoothingPreset Intensity { get; set; } = SmoothingPreset.Moderate;

    /// <summary>OKLab distance below which a color change is ignored, against flicker in dark scenes (0 = off).</summary>
    [Range(0.0, 0.2)]
    public double DeadBand { get; set; } = 0.02;

    /// <summary>Holds colors back this long, to match the TV's own picture delay.</summary>
    [Range(0, 5000)]
    public int DelayMs { get; set; }
}
