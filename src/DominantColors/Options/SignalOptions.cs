using System.ComponentModel.DataAnnotations;
using DominantColors.Configuration;

namespace DominantColors.Options;

/// <summary>The <c>signal:</c> section: what happens when the TV is off or the source delivers nothing.</summary>
internal sealed class SignalOptions : IConfigSection
{
    public static string SectionName => "signal";

    /// <summary>
    /// Black or missing frames for this long count as "TV off". 10 s outlasts a film's fades to black and dark night
    /// scenes (lights going off mid-film is the worse mistake), and is hardly noticed after the TV is switched off.
    /// </summary>
    [Range(0.1, 3600.0)]
    public double OffAfterSeconds { get; set; } = 10.0;

    /// <summary>A pixel whose channels all stay at or below this is dark (0..255; 25 also covers limited-range black).</summary>
    [Range(0, 255)]
    public int BlackLevel { get; set; } = 25;

    /// <summary>Share of dark pixels that makes a frame black (subtitles or a logo on black still count as black).</summary>
    [Range(0.5, 1.0)]
    public double BlackCoverage { get; set; } = 0.98;

    /// <summary>How long the fade to <see cref="IdleColor"/> takes; picture makes the lights rise from there at once, with the smoothing.</summary>
    [Range(0.0, 60.0)]
    public double FadeSeconds { get; set; } = 2.0;

    /// <summary>The color lights rest at while the TV is off, <c>#rrggbb</c>; black switches them off.</summary>
    [RegularExpression("^#[0-9a-fA-F]{6}$", ErrorMessage = "must be a color written #rrggbb")]
    public string IdleColor { get; set; } = "#000000";
}
