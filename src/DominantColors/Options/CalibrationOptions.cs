using System.ComponentModel.DataAnnotations;
using DominantColors.Configuration;

namespace DominantColors.Options;

/// <summary>The <c>calibration:</c> section: what the lights get after the pick. Changes apply live.</summary>
internal sealed class CalibrationOptions : IConfigSection, IValidatableObject
{
    public static string SectionName => "calibration";

    /// <summary>Brightness cap, 0..1 of full.</summary>
    [Range(0.0, 1.0)]
    public double Brightness { get; set; } = 1.0;

    /// <summary>Lowest brightness a lit light gets, 0..1 (keeps dim scenes from switching bulbs off).</summary>
    [Range(0.0, 1.0)]
    public double MinBrightness { get; set; }

    [Range(0.2, 5.0)]
    public double Gamma { get; set; } = 1.0;

    /// <summary>Chroma gain: 1 leaves colors as they are, 0 makes them grey.</summary>
    [Range(0.0, 4.0)]
    public double Saturation { get; set; } = 1.0;

    /// <summary>The white point of the lights, as a color temperature in kelvin (6500 = neutral, lower = warmer).</summary>
    [Range(1667, 25000)]
    public int WhitePoint { get; set; } = 6500;

    /// <summary>
    /// Per-channel gains in linear light, for lights whose channels are not balanced: 0..1 of the channel's full
    /// output. A light cannot give more than its full channel, so a gain only takes away from the strong channels
    /// (above 1 would clip and shift hues, and break the brightness cap).
    /// </summary>
    [Range(0.0, 1.0)]
    public double RedGain { get; set; } = 1.0;

    [Range(0.0, 1.0)]
    public double GreenGain { get; set; } = 1.0;

    [Range(0.0, 1.0)]
    public double BlueGain { get; set; } = 1.0;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MinBrightness > Brightness)
        {
            yield return new ValidationResult(
                $"must not exceed brightness ({Brightness}), got {MinBrightness}", [nameof(MinBrightness)]);
        }
    }
}
