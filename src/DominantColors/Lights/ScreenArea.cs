using System.Globalization;

namespace DominantColors.Lights;

/// <summary>
/// The part of the picture (after the black borders are cropped) whose colors a light follows, as fractions of the
/// picture: <see cref="X"/> and <see cref="Y"/> from the top-left corner, all in 0..1.
/// </summary>
internal readonly record struct ScreenArea(double X, double Y, double Width, double Height)
{
    /// <summary>The names a zone may have in YAML, besides an <c>{x, y, width, height}</c> mapping.</summary>
    public const string AllowedNames = "whole | left | right | top | bottom | center";

    public static ScreenArea Whole { get; } = new(0, 0, 1, 1);

    /// <summary>Parses a named zone: <c>whole</c>, <c>left</c>, <c>right</c>, <c>top</c>, <c>bottom</c> or <c>center</c>.</summary>
    public static bool TryParseName(string? name, out ScreenArea area)
    {
        area = name?.Trim().ToUpperInvariant() switch
        {
            "WHOLE" => Whole,
            "LEFT" => new(0, 0, 1.0 / 3, 1),
            "RIGHT" => new(2.0 / 3, 0, 1.0 / 3, 1),
            "TOP" => new(0, 0, 1, 1.0 / 3),
            "BOTTOM" => new(0, 2.0 / 3, 1, 1.0 / 3),
            "CENTER" => new(0.25, 0.25, 0.5, 0.5),
            _ => default,
        };
        return area.Width > 0;
    }

    /// <summary>True when the area has a size and lies inside the picture.</summary>
    public bool IsValid =>
        X >= 0 && Y >= 0 && Width > 0 && Height > 0 && X + Width <= 1.000001 && Y + Height <= 1.000001;

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{{x: {X:0.###}, y: {Y:0.###}, width: {Width:0.###}, height: {Height:0.###}}}");
}
