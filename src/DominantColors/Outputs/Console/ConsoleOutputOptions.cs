using System.ComponentModel.DataAnnotations;

namespace DominantColors.Outputs.Console;

/// <summary><c>outputs:</c> entry with <c>type: console</c>: prints the lights' colors.</summary>
internal sealed class ConsoleOutputOptions
{
    /// <summary>Names from the config's <c>lights:</c>, printed in this order.</summary>
    [MinLength(1)]
    public List<string> Lights { get; set; } = [];

    /// <summary>At most this many lines per second; a line is printed only when a color changed.</summary>
    [Range(0.1, 60.0)]
    public double Rate { get; set; } = 2;

    /// <summary>auto: color swatches when stdout is a terminal; always; never.</summary>
    public ConsoleColorMode Color { get; set; } = ConsoleColorMode.Auto;
}
