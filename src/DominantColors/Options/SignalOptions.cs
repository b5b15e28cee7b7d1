using System.ComponentModel.DataAnnotations;
using DominantColors.Configuration;

namespace DominantColors.Options;

/// <summary>The <c>signal:</c> section: what happens when the TV is off or the source delivers nothing.</summary>
internal sealed class SignalOptions : IConfigSection
{
    public static string SectionName => "signal";

    /// <summary>Black or missing frames for this long count as "TV off".</summary>
    [Range(0.1, 3600.0)]
    public double OffAfterSeconds { get; set; } = 5.0;

    /// <summary>A frame whose brightest pixel channel stays at or below this is black (0..255).</summary>
    [Range(0, 255)]
    public int BlackLevel { get; set; } = 16;

    /// <summary>How long the fade to <see cref="IdleColor"/> takes, and the fade back in.</summary>
    [Range(0.0, 60.0)]
    public double FadeSeconds { get; set; } = 2.0;

    /// <summary>The color lights rest at while the TV is off, <c>#rrggbb</c>; black switches them off.</summary>
    [RegularExpression("^#[0-9a-fA-F]{6}$")]
    public string IdleColor { get; set; } = "#000000";
}
