using System.Globalization;
using System.Text.RegularExpressions;

namespace DominantColors.Sources.Decoders;

/// <summary>
/// One frame as ffmpeg's <c>showinfo</c> filter describes it on stderr, e.g.
/// <c>[Parsed_showinfo_0 @ 0x55] n:   3 pts:   3072 pts_time:0.3     pos: 816 fmt:yuv420p sar:1/1 s:64x48 i:P</c>.
/// </summary>
internal readonly partial record struct ShowInfoLine(long Index, double? PtsSeconds, int Width, int Height)
{
    public static bool TryParse(string line, out ShowInfoLine info)
    {
        info = default;
        var match = Pattern().Match(line);
        if (!match.Success
            || !long.TryParse(match.Groups["n"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            || !int.TryParse(match.Groups["w"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var width)
            || !int.TryParse(match.Groups["h"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var height))
        {
            return false;
        }

        // NOPTS frames have no time; the caller reports them without one.
        double? pts = double.TryParse(match.Groups["t"].ValueSpan, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            ? seconds
            : null;
        info = new ShowInfoLine(index, pts, width, height);
        return true;
    }

    [GeneratedRegex(@"Parsed_showinfo_\d+ @ [^\]]*\] n:\s*(?<n>\d+)\s+pts:\s*\S+\s+pts_time:(?<t>\S+).*?\ss:(?<w>\d+)x(?<h>\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
