using System.Globalization;
using System.Net;
using System.Text;
using DominantColors.Colors;
using DominantColors.Palettes;

namespace DominantColors.Extract;

/// <summary>
/// <c>--html</c>: one self-contained page, written card by card as the inputs complete, so a sheet of many thousand
/// pictures costs no more memory than one. Each picture is a card tinted with its background color, with its
/// thumbnail, its palette as proportional swatches (the accent starred) and its foreground and background palettes;
/// a video shows its movie barcode and its whole-video palette. The last line says how many inputs were left out.
/// </summary>
internal sealed class ContactSheetWriter : IDisposable
{
    private readonly TextWriter _page;
    private readonly StringBuilder _card = new();
    private int _pictures;
    private int _videos;

    public ContactSheetWriter(TextWriter page)
    {
        _page = page;
        _page.Write(ContactSheetPage.Head);
    }

    public static ContactSheetWriter Create(string path) =>
        new(new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 1 << 16));

    /// <summary>One card for an input that was read.</summary>
    public void Write(InputOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var main = outcome.Summary ?? outcome.Palettes[0];
        var name = Path.GetFileName(main.File);
        var tint = main.Tint?.Color ?? default;
        var ink = ColorSpaces.ToOkLab(tint).L > 0.62f ? "#15161a" : "#f4f4f6";
        _card.Clear();
        _card.Append(CultureInfo.InvariantCulture, $"<article class=\"card{(outcome.IsSequence ? " video" : string.Empty)}\" data-name=\"{Encode(name)}\" ");
        _card.Append(CultureInfo.InvariantCulture, $"data-hue=\"{HueKey(main):0.###}\" style=\"--tint:{tint.ToHex()};--ink:{ink}\">");
        if (outcome.IsSequence)
        {
            _videos++;
            if (MovieBarcode.Png(outcome.Palettes) is { } barcode)
            {
                _card.Append("<img class=\"barcode\" alt=\"movie barcode\" data-src=\"data:image/png;base64,");
                _card.Append(Convert.ToBase64String(barcode)).Append("\">");
            }
        }
        else
        {
            _pictures++;
            var (width, height) = Thumbnailer.Fit(main.Width, main.Height, Thumbnailer.LongSide);
            _card.Append(CultureInfo.InvariantCulture, $"<div class=\"pic\"><img alt=\"\" width=\"{width}\" height=\"{height}\"");
            if (outcome.Thumbnail is { } thumbnail)
            {
                _card.Append(" data-src=\"data:image/jpeg;base64,").Append(Convert.ToBase64String(thumbnail)).Append('"');
            }

            _card.Append("></div>");
        }

        var caption = outcome.IsSequence
            ? string.Create(CultureInfo.InvariantCulture, $"{name} · {outcome.Palettes.Count} frames")
            : string.Create(CultureInfo.InvariantCulture, $"{name} · {main.Width}×{main.Height}");
        _card.Append(CultureInfo.InvariantCulture, $"<h2 title=\"{Encode(main.File)}\">{Encode(caption)}</h2>");
        _card.Append("<div class=\"bar palette\">");
        foreach (var entry in main.Colors)
        {
            AppendSwatch(entry, entry.Color == main.Accent?.Color ? "sw accent" : "sw", grow: true);
        }

        _card.Append("</div>");
        if (main.Accent is { } accent)
        {
            _card.Append("<div class=\"row\"><span class=\"label\">accent</span>");
            AppendSwatch(accent, "sw single accent-role", grow: false);
            _card.Append("</div>");
        }

        AppendRole("foreground", main.Foreground);
        AppendRole("background", main.Background);
        _card.Append("</article>\n");
        _page.Write(_card);
    }

    /// <summary>Ends the page, saying how many inputs are shown and how many could not be read.</summary>
    public void Finish(int leftOut)
    {
        var shown = _videos == 0 ? Count(_pictures, "picture") : $"{Count(_pictures, "picture")}, {Count(_videos, "video")}";
        var summary = leftOut == 0 ? shown : string.Create(CultureInfo.InvariantCulture, $"{shown} · {leftOut} left out (could not be read)");
        _page.Write(string.Create(
            CultureInfo.InvariantCulture, $"</main>\n<footer id=\"summary\" data-shown=\"{_pictures + _videos}\" data-left-out=\"{leftOut}\">{summary}</footer>\n"));
        _page.Write(ContactSheetPage.Tail);
        _page.Flush();
    }

    public void Dispose() => _page.Dispose();

    /// <summary>
    /// Where the input sorts by hue: the OKLab hue angle of its heaviest color in degrees (0 to 360), and greys
    /// (chroma under 0.03) after every hue, dark to light.
    /// </summary>
    internal static double HueKey(PaletteRecord palette)
    {
        if (palette.Colors is not [var dominant, ..])
        {
            return 1000;
        }

        var lab = dominant.Lab;
        if (dominant.Chroma < 0.03f)
        {
            return 400 + (100 * lab.L);
        }

        var degrees = Math.Atan2(lab.B, lab.A) * 180 / Math.PI;
        return degrees < 0 ? degrees + 360 : degrees;
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static string Count(int count, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? string.Empty : "s")}");

    private void AppendRole(string role, PaletteEntry[]? colors)
    {
        if (colors is not { Length: > 0 })
        {
            return;
        }

        _card.Append(CultureInfo.InvariantCulture, $"<div class=\"row\"><span class=\"label\">{role}</span><div class=\"bar {role}\">");
        foreach (var entry in colors)
        {
            AppendSwatch(entry, "sw", grow: true);
        }

        _card.Append("</div></div>");
    }

    private void AppendSwatch(PaletteEntry entry, string classes, bool grow)
    {
        var hex = entry.Hex;
        _card.Append(CultureInfo.InvariantCulture, $"<button class=\"{classes}\" data-hex=\"{hex}\" title=\"{hex} {entry.Weight * 100:0.0}%\" style=\"background:{hex}");
        if (grow)
        {
            _card.Append(CultureInfo.InvariantCulture, $";flex:{Math.Max(entry.Weight, 0.0001f):0.####} 1 0");
        }

        _card.Append("\"></button>");
    }
}
