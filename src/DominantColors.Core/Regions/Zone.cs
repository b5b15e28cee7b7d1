using System.Globalization;
using DominantColors.Frames;

namespace DominantColors.Regions;

/// <summary>
/// The part of the (cropped) picture a light looks at, as fractions 0..1 of the crop. A value, not a class:
/// zones are copied into per-light arrays and compared in tests.
/// </summary>
/// <remarks>
/// Named presets (x, y, width, height):
/// <c>whole</c> 0, 0, 1, 1;
/// <c>left</c> 0, 0, 0.25, 1 (x 0..0.25, full height);
/// <c>right</c> 0.75, 0, 0.25, 1 (x 0.75..1);
/// <c>top</c> 0, 0, 1, 0.25 (y 0..0.25, full width);
/// <c>bottom</c> 0, 0.75, 1, 0.25 (y 0.75..1);
/// <c>center</c> 0.25, 0.25, 0.5, 0.5 (the middle half in each direction).
/// </remarks>
public readonly record struct Zone
{
    /// <summary>The names <see cref="TryParse"/> accepts, for error messages and schemas.</summary>
    public static readonly IReadOnlyList<string> PresetNames = ["whole", "left", "right", "top", "bottom", "center"];

    private Zone(float x, float y, float width, float height)
    {
        X = x;
        Y = y;
        Width = width;
        Height = height;
    }

    public static Zone Whole => new(0f, 0f, 1f, 1f);

    public static Zone Left => new(0f, 0f, 0.25f, 1f);

    public static Zone Right => new(0.75f, 0f, 0.25f, 1f);

    public static Zone Top => new(0f, 0f, 1f, 0.25f);

    public static Zone Bottom => new(0f, 0.75f, 1f, 0.25f);

    public static Zone Center => new(0.25f, 0.25f, 0.5f, 0.5f);

    public float X { get; }

    public float Y { get; }

    public float Width { get; }

    public float Height { get; }

    /// <summary>A zone from fractions; throws <see cref="ArgumentException"/> naming the bad value.</summary>
    public static Zone Create(float x, float y, float width, float height) =>
        TryCreate(x, y, width, height, out var zone, out var error) ? zone : throw new ArgumentException(error);

    /// <summary>
    /// A zone from fractions: x and y in 0..1, width and height above 0, and the zone inside the picture
    /// (x + width and y + height at most 1).
    /// </summary>
    public static bool TryCreate(float x, float y, float width, float height, out Zone zone, out string? error)
    {
        zone = default;
        error = Check("x", x, allowZero: true) ?? Check("y", y, allowZero: true)
            ?? Check("width", width, allowZero: false) ?? Check("height", height, allowZero: false);
        if (error is null && x + width > 1.0001f)
        {
            error = Invariant($"zone x + width must be at most 1, got {x} + {width}");
        }
        else if (error is null && y + height > 1.0001f)
        {
            error = Invariant($"zone y + height must be at most 1, got {y} + {height}");
        }

        if (error is not null)
        {
            return false;
        }

        zone = new Zone(x, y, Math.Min(width, 1f - x), Math.Min(height, 1f - y));
        return true;
    }

    /// <summary>A preset by name (case-insensitive); the error lists the allowed names.</summary>
    public static bool TryParse(string? name, out Zone zone, out string? error)
    {
        error = null;
        zone = name?.Trim().ToLowerInvariant() switch
        {
            "whole" => Whole,
            "left" => Left,
            "right" => Right,
            "top" => Top,
            "bottom" => Bottom,
            "center" => Center,
            _ => default,
        };
        if (zone.Width > 0f)
        {
            return true;
        }

        error = $"unknown zone '{name}'; allowed: {string.Join(" | ", PresetNames)}, or {{x, y, width, height}} in 0..1";
        return false;
    }

    /// <summary>A preset by name; throws <see cref="FormatException"/> listing the allowed names.</summary>
    public static Zone Parse(string name) => TryParse(name, out var zone, out var error) ? zone : throw new FormatException(error);

    /// <summary>
    /// The pixels of <paramref name="crop"/> this zone covers. Edges round outwards, so the result is at least
    /// one pixel in each direction whenever the crop is not empty, and never leaves the crop.
    /// </summary>
    public PixelRect Apply(PixelRect crop)
    {
        if (crop.IsEmpty)
        {
            return new PixelRect(crop.X, crop.Y, 0, 0);
        }

        var (x0, x1) = Span(X, Width, crop.Width);
        var (y0, y1) = Span(Y, Height, crop.Height);
        return new PixelRect(crop.X + x0, crop.Y + y0, x1 - x0, y1 - y0);
    }

    public override string ToString() => Invariant($"{{x: {X}, y: {Y}, width: {Width}, height: {Height}}}");

    private static (int Start, int End) Span(float start, float length, int pixels)
    {
        // The small slack keeps float noise (0.3f * 10 = 3.0000001) from adding a pixel.
        const float Slack = 1e-4f;
        var first = Math.Clamp((int)MathF.Floor((start * pixels) + Slack), 0, pixels - 1);
        var end = Math.Clamp((int)MathF.Ceiling(((start + length) * pixels) - Slack), first + 1, pixels);
        return (first, end);
    }

    private static string? Check(string name, float value, bool allowZero)
    {
        if (float.IsNaN(value) || value < 0f || value > 1f || (!allowZero && value == 0f))
        {
            var range = allowZero ? "0..1" : "above 0 and at most 1";
            return Invariant($"zone {name} must be {range}, got {value}");
        }

        return null;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
