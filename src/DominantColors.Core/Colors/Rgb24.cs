using System.Globalization;
using System.Runtime.InteropServices;

namespace DominantColors.Colors;

/// <summary>An sRGB color, 8 bits per channel, laid out as the bytes of an RGB24 pixel.</summary>
[StructLayout(LayoutKind.Sequential, Pack = 1)]
public readonly record struct Rgb24(byte R, byte G, byte B)
{
    public static Rgb24 Black => default;

    /// <summary>The color as <c>#rrggbb</c> in lower case.</summary>
    public string ToHex() => string.Create(CultureInfo.InvariantCulture, $"#{R:x2}{G:x2}{B:x2}");

    /// <summary>Writes <c>#rrggbb</c> into <paramref name="destination"/> without allocating.</summary>
    public bool TryFormatHex(Span<char> destination, out int charsWritten)
    {
        charsWritten = 0;
        if (destination.Length < 7)
        {
            return false;
        }

        destination[0] = '#';
        WriteHexByte(destination[1..], R);
        WriteHexByte(destination[3..], G);
        WriteHexByte(destination[5..], B);
        charsWritten = 7;
        return true;
    }

    /// <summary>Parses <c>#rrggbb</c> or <c>rrggbb</c>.</summary>
    public static bool TryParseHex(ReadOnlySpan<char> text, out Rgb24 color)
    {
        color = default;
        if (text.Length > 0 && text[0] == '#')
        {
            text = text[1..];
        }

        if (text.Length != 6 || !uint.TryParse(text, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }

        color = new Rgb24((byte)(value >> 16), (byte)(value >> 8), (byte)value);
        return true;
    }

    public override string ToString() => ToHex();

    private static void WriteHexByte(Span<char> destination, byte value)
    {
        const string Digits = "0123456789abcdef";
        destination[0] = Digits[value >> 4];
        destination[1] = Digits[value & 0xF];
    }
}
