using System.ComponentModel.DataAnnotations;
using DominantColors.Configuration;

namespace DominantColors.Options;

/// <summary>The <c>analysis:</c> section: how each frame is reduced to palettes.</summary>
internal sealed class AnalysisOptions : IConfigSection
{
    public static string SectionName => "analysis";

    /// <summary>Palette size per zone (k of the k-means).</summary>
    [Range(1, 16)]
    public int Colors { get; set; } = 5;

    /// <summary>Width of the analysis frame every source scales to.</summary>
    [Range(8, 640)]
    public int Width { get; set; } = 64;

    [Range(8, 360)]
    public int Height { get; set; } = 36;

    /// <summary>Crop black borders (letterbox, pillarbox) before the zones are cut.</summary>
    public bool Borders { get; set; } = true;
}
