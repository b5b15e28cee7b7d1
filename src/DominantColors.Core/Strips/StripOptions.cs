using System.ComponentModel.DataAnnotations;

namespace DominantColors.Strips;

/// <summary>
/// What every LED strip output (<c>type: wled</c>, the DMX, serial and SPI outputs) shares: either a strip
/// <see cref="Layout"/> (a color per edge zone) or plain <see cref="Lights"/> that split <see cref="LedCount"/> LEDs
/// into equal runs, and a rate cap. Each output type adds its own keys and checks them in <see cref="ValidateDevice"/>.
/// </summary>
public abstract class StripOptions : IValidatableObject
{
    /// <summary><paramref name="defaultName"/>: the <see cref="Name"/> until the factory sets it.</summary>
    protected StripOptions(string defaultName) => Name = defaultName;

    /// <summary>Names the sink in logs and prefixes its zone lights; the factory sets it.</summary>
    public string Name { get; private set; }

    /// <summary>Sets <see cref="Name"/>: a method, not a public setter, so the name never becomes a YAML key.</summary>
    public void SetName(string name) => Name = name;

    /// <summary><c>ledCount</c>: LEDs on the strip when no layout is given.</summary>
    public int LedCount { get; set; }

    /// <summary><c>lights</c>: without a layout, the lights sharing the strip in equal runs, in strip order.</summary>
    public IReadOnlyList<string> Lights { get; set; } = [];

    /// <summary><c>layout</c>.</summary>
    public StripLayout? Layout { get; set; }

    /// <summary><c>maxRate</c>: most frames per second (a controller drops packets when flooded).</summary>
    public double MaxRate { get; set; } = 50;

    /// <summary>The most LEDs this output can drive (a protocol or wire limit).</summary>
    protected virtual int MaxLeds => 65535;

    /// <summary>Every problem with the section, keys relative to it: the output's own keys first, then the strip's.</summary>
    public IReadOnlyList<OptionError> Validate()
    {
        var errors = new List<OptionError>();
        ValidateDevice(errors);
        if (MaxRate is <= 0 or > 200 || double.IsNaN(MaxRate))
        {
            errors.Add(new("maxRate", $"{MaxRate} is not within (0, 200] frames per second"));
        }

        if (Layout is not null)
        {
            errors.AddRange(Layout.Validate("layout:"));
            if (Lights.Count > 0 || LedCount > 0)
            {
                errors.Add(new("layout", "give either a layout or lights with ledCount, not both"));
            }
            else if (Layout.LedCount > MaxLeds)
            {
                errors.Add(new("layout", $"{Layout.LedCount} LEDs is more than this output drives ({MaxLeds})"));
            }
        }
        else
        {
            if (Lights.Count == 0)
            {
                errors.Add(new("lights", "needs at least one light (or a layout)"));
            }

            if (LedCount < Math.Max(1, Lights.Count) || LedCount > MaxLeds)
            {
                errors.Add(new("ledCount", $"{LedCount} must be between the number of lights ({Lights.Count}) and {MaxLeds}"));
            }
        }

        return errors;
    }

    /// <summary>The zones this output shows: the layout's, or equal runs of the strip, one per light.</summary>
    public IReadOnlyList<StripZone> Zones() => Layout is not null ? Layout.Zones(Name) : StripZones.EqualRuns(Lights, LedCount);

    /// <summary>Adds the problems with the output's own keys (address, device, protocol settings).</summary>
    protected abstract void ValidateDevice(List<OptionError> errors);

    /// <summary>Checks that need the whole strip known and valid (e.g. universes enough for its LEDs).</summary>
    protected virtual IReadOnlyList<OptionError> ValidateStrip() => [];

    /// <summary><see cref="Validate()"/>, then the whole-strip checks, for the config binder, each problem at its key.</summary>
    IEnumerable<ValidationResult> IValidatableObject.Validate(ValidationContext validationContext)
    {
        var errors = Validate();
        return (errors.Count > 0 ? errors : ValidateStrip()).Select(e => new ValidationResult(e.Message, [e.Key]));
    }
}
