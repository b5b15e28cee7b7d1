using System.Globalization;
using System.Text;

namespace DominantColors.Monitoring;

/// <summary>
/// Writes collected metrics in the Prometheus text exposition format (version 0.0.4): for each instrument a
/// <c># HELP</c> and <c># TYPE</c> line, then one sample per series; histograms as cumulative <c>_bucket{le}</c>
/// samples with <c>_sum</c> and <c>_count</c>. Names follow the OpenTelemetry-to-Prometheus convention:
/// dots become underscores, the unit becomes a suffix (<c>s</c> → <c>_seconds</c>), counters end in <c>_total</c>.
/// </summary>
internal static class PrometheusText
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static void Write(StringBuilder output, IEnumerable<MetricFamily> families)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(families);
        foreach (var family in families)
        {
            family.Read(output, WriteFamily);
        }
    }

    /// <summary>The Prometheus metric name of an instrument (without histogram suffixes).</summary>
    public static string NameOf(MetricFamily family)
    {
        ArgumentNullException.ThrowIfNull(family);
        var name = Sanitize(family.Instrument.Name, allowColon: true);
        var unitSuffix = family.Instrument.Unit switch
        {
            "s" => "_seconds",
            "ms" => "_milliseconds",
            "us" => "_microseconds",
            "By" => "_bytes",
            "1" when family.Kind is not (MetricKind.Counter or MetricKind.ObservedCounter) => "_ratio",
            _ => string.Empty,
        };
        if (unitSuffix.Length > 0 && !name.EndsWith(unitSuffix, StringComparison.Ordinal))
        {
            name += unitSuffix;
        }

        if (family.Kind is MetricKind.Counter or MetricKind.ObservedCounter && !name.EndsWith("_total", StringComparison.Ordinal))
        {
            name += "_total";
        }

        return name;
    }

    private static void WriteFamily(StringBuilder output, MetricFamily family, IReadOnlyList<MetricSeries> series)
    {
        if (series.Count == 0)
        {
            return;
        }

        var name = NameOf(family);
        var type = family.Kind switch
        {
            MetricKind.Counter or MetricKind.ObservedCounter => "counter",
            MetricKind.Histogram => "histogram",
            _ => "gauge",
        };
        var help = family.Instrument.Description ?? family.Instrument.Name;
        output.Append("# HELP ").Append(name).Append(' ').Append(EscapeHelp(help)).Append('\n');
        output.Append("# TYPE ").Append(name).Append(' ').Append(type).Append('\n');
        foreach (var one in series)
        {
            if (family.Kind == MetricKind.Histogram)
            {
                long cumulative = 0;
                for (var i = 0; i < one.BucketCounts.Length; i++)
                {
                    cumulative += one.BucketCounts[i];
                    var le = i < family.Bounds.Count ? Number(family.Bounds[i]) : "+Inf";
                    WriteSample(output, name + "_bucket", one.Tags, ("le", le), cumulative);
                }

                WriteSample(output, name + "_sum", one.Tags, null, one.Value);
                WriteSample(output, name + "_count", one.Tags, null, one.Count);
            }
            else
            {
                WriteSample(output, name, one.Tags, null, one.Value);
            }
        }
    }

    private static void WriteSample(StringBuilder output, string name, IReadOnlyList<KeyValuePair<string, string>> tags, (string Key, string Value)? extra, double value)
    {
        output.Append(name);
        if (tags.Count > 0 || extra is not null)
        {
            output.Append('{');
            var first = true;
            foreach (var tag in tags)
            {
                AppendLabel(output, ref first, Sanitize(tag.Key, allowColon: false), tag.Value);
            }

            if (extra is { } label)
            {
                AppendLabel(output, ref first, label.Key, label.Value);
            }

            output.Append('}');
        }

        output.Append(' ').Append(Number(value)).Append('\n');
    }

    private static void AppendLabel(StringBuilder output, ref bool first, string key, string value)
    {
        if (!first)
        {
            output.Append(',');
        }

        first = false;
        output.Append(key).Append("=\"");
        foreach (var c in value)
        {
            _ = c switch
            {
                '\\' => output.Append("\\\\"),
                '"' => output.Append("\\\""),
                '\n' => output.Append("\\n"),
                _ => output.Append(c),
            };
        }

        output.Append('"');
    }

    private static string Number(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        _ when double.IsNaN(value) => "NaN",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    private static string EscapeHelp(string help) =>
        help.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private static string Sanitize(string name, bool allowColon)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c == '_' || (allowColon && c == ':') ? c : '_');
        }

        if (builder.Length == 0 || char.IsAsciiDigit(builder[0]))
        {
            builder.Insert(0, '_');
        }

        return builder.ToString();
    }
}
