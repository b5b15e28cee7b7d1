using System.Globalization;
using System.Text;
using System.Text.Unicode;
using DominantColors.Colors;
using DominantColors.Mqtt.Colors;

namespace DominantColors.Mqtt.Presets;

/// <summary>
/// A user payload such as <c>{"color":"{hex}","brightness":{brightness}}</c>. A word in braces must be one of
/// hex, r, g, b, x, y, brightness, transition; any other brace (JSON's own) is literal, and <c>{{</c>/<c>}}</c> write
/// a single brace. Parsed once at configuration time; rendering writes into a caller's buffer without allocating.
/// </summary>
internal sealed class PayloadTemplate
{
    /// <summary>The placeholder names, as a user writes them.</summary>
    public static readonly IReadOnlyList<string> Names = ["hex", "r", "g", "b", "x", "y", "brightness", "transition"];

    // The longest text each placeholder can render to, to bound the payload at configuration time.
    private const int LongestValue = 16;

    private readonly (byte[] Literal, TemplatePlaceholder Value)[] _segments;

    private PayloadTemplate((byte[] Literal, TemplatePlaceholder Value)[] segments, string text)
    {
        _segments = segments;
        Text = text;
    }

    public string Text { get; }

    /// <summary>Parses <paramref name="text"/>; on failure <paramref name="error"/> says what and where.</summary>
    public static bool TryParse(string text, out PayloadTemplate? template, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        template = null;
        error = null;
        if (text.Length == 0)
        {
            error = "is empty";
            return false;
        }

        var segments = new List<(byte[], TemplatePlaceholder)>();
        var literal = new StringBuilder();
        var maxLength = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if ((c == '{' || c == '}') && i + 1 < text.Length && text[i + 1] == c)
            {
                literal.Append(c);
                i++;
                continue;
            }

            if (c == '{' && TryReadWord(text, i + 1, out var word, out var end))
            {
                var placeholder = Lookup(word);
                if (placeholder == TemplatePlaceholder.None)
                {
                    error = $"has an unknown placeholder {{{word}}} at position {i} (known: {string.Join(", ", Names)})";
                    return false;
                }

                segments.Add((Encoding.UTF8.GetBytes(literal.ToString()), placeholder));
                maxLength += Encoding.UTF8.GetByteCount(literal.ToString()) + LongestValue;
                literal.Clear();
                i = end;
                continue;
            }

            literal.Append(c);
        }

        segments.Add((Encoding.UTF8.GetBytes(literal.ToString()), TemplatePlaceholder.None));
        maxLength += Encoding.UTF8.GetByteCount(literal.ToString());
        if (maxLength > PresetWriter.MaxPayloadBytes)
        {
            error = $"can render to {maxLength} bytes, more than the {PresetWriter.MaxPayloadBytes} allowed";
            return false;
        }

        template = new PayloadTemplate([.. segments], text);
        return true;
    }

    public static PayloadTemplate Parse(string text) =>
        TryParse(text, out var template, out var error) ? template! : throw new FormatException($"Payload template {error}.");

    /// <summary>Writes the payload for <paramref name="color"/> into <paramref name="destination"/>; allocates nothing. <paramref name="transition"/> is already UTF-8 seconds.</summary>
    public int Render(Span<byte> destination, Rgb24 color, ReadOnlySpan<byte> transition)
    {
        var total = 0;
        foreach (var (literal, value) in _segments)
        {
            literal.CopyTo(destination[total..]);
            total += literal.Length;
            total += WriteValue(destination[total..], value, color, transition);
        }

        return total;
    }

    private static int WriteValue(Span<byte> destination, TemplatePlaceholder value, Rgb24 color, ReadOnlySpan<byte> transition)
    {
        var provider = CultureInfo.InvariantCulture;
        int written;
        switch (value)
        {
            case TemplatePlaceholder.Hex:
                Utf8.TryWrite(destination, provider, $"#{color.R:X2}{color.G:X2}{color.B:X2}", out written);
                return written;
            case TemplatePlaceholder.R:
                color.R.TryFormat(destination, out written, default, provider);
                return written;
            case TemplatePlaceholder.G:
                color.G.TryFormat(destination, out written, default, provider);
                return written;
            case TemplatePlaceholder.B:
                color.B.TryFormat(destination, out written, default, provider);
                return written;
            case TemplatePlaceholder.X:
                return WriteTenThousandths(destination, PerceivedColor.ToCieXy(color).X);
            case TemplatePlaceholder.Y:
                return WriteTenThousandths(destination, PerceivedColor.ToCieXy(color).Y);
            case TemplatePlaceholder.Brightness:
                Math.Max(color.R, Math.Max(color.G, color.B)).TryFormat(destination, out written, default, provider);
                return written;
            case TemplatePlaceholder.Transition:
                transition.CopyTo(destination);
                return transition.Length;
            default:
                return 0;
        }
    }

    // Custom numeric formats allocate; ten-thousandths as integers do not.
    private static int WriteTenThousandths(Span<byte> destination, double value)
    {
        var scaled = (int)Math.Round(value * 10000);
        Utf8.TryWrite(destination, CultureInfo.InvariantCulture, $"{scaled / 10000}.{scaled % 10000:D4}", out var written);
        return written;
    }

    private static bool TryReadWord(string text, int start, out string word, out int closingBrace)
    {
        word = string.Empty;
        closingBrace = -1;
        var i = start;
        while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_'))
        {
            i++;
        }

        if (i == start || i >= text.Length || text[i] != '}' || !char.IsAsciiLetter(text[start]))
        {
            return false;
        }

        word = text[start..i];
        closingBrace = i;
        return true;
    }

    private static TemplatePlaceholder Lookup(string word) => word switch
    {
        "hex" => TemplatePlaceholder.Hex,
        "r" => TemplatePlaceholder.R,
        "g" => TemplatePlaceholder.G,
        "b" => TemplatePlaceholder.B,
        "x" => TemplatePlaceholder.X,
        "y" => TemplatePlaceholder.Y,
        "brightness" => TemplatePlaceholder.Brightness,
        "transition" => TemplatePlaceholder.Transition,
        _ => TemplatePlaceholder.None,
    };
}
