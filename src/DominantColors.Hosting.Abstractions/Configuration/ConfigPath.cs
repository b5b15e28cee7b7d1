using System.Text;

namespace DominantColors.Configuration;

/// <summary>Turns configuration keys (<c>outputs:0:port</c>) into the paths users read (<c>outputs[0].port</c>).</summary>
public static class ConfigPath
{
    public static string ToDisplay(string configurationPath)
    {
        ArgumentNullException.ThrowIfNull(configurationPath);
        var builder = new StringBuilder(configurationPath.Length + 4);
        foreach (var segment in configurationPath.Split(':'))
        {
            if (segment.Length > 0 && segment.All(char.IsAsciiDigit))
            {
                builder.Append('[').Append(segment).Append(']');
            }
            else
            {
                if (builder.Length > 0)
                {
                    builder.Append('.');
                }

                builder.Append(segment);
            }
        }

        return builder.ToString();
    }

    /// <summary>Joins a parent configuration path and a child key.</summary>
    public static string Combine(string parent, string key) => parent.Length == 0 ? key : parent + ":" + key;
}
