using DominantColors.Colors;
using DominantColors.Frames;

namespace DominantColors.Palettes;

/// <summary>How well a palette represents an image, for tests and comparisons (not for the per-frame path).</summary>
public static class PaletteQuality
{
    /// <summary>
    /// The mean, over every pixel of <paramref name="image"/> (no sampling), of the squared OKLab distance to the
    /// nearest palette color (its <see cref="PaletteEntry.Lab"/>). 0 for an empty image; infinity for an empty palette.
    /// </summary>
    public static double MeanSquaredError(Rgb24Image image, Palette palette)
    {
        ArgumentNullException.ThrowIfNull(palette);
        if (image.IsEmpty)
        {
            return 0;
        }

        if (palette.IsEmpty)
        {
            return double.PositiveInfinity;
        }

        // Photos repeat colors a lot; remember each distinct color's error instead of converting every pixel.
        var known = new Dictionary<int, float>();
        var entries = palette.Entries;
        var sum = 0.0;
        for (var y = 0; y < image.Height; y++)
        {
            var row = image.Row(y);
            for (var i = 0; i < row.Length; i += 3)
            {
                var key = (row[i] << 16) | (row[i + 1] << 8) | row[i + 2];
                if (!known.TryGetValue(key, out var error))
                {
                    var lab = ColorSpaces.ToOkLab(new Rgb24(row[i], row[i + 1], row[i + 2]));
                    error = float.PositiveInfinity;
                    foreach (ref readonly var entry in entries)
                    {
                        error = MathF.Min(error, ColorSpaces.DistanceSquared(lab, entry.Lab));
                    }

                    known[key] = error;
                }

                sum += error;
            }
        }

        return sum / ((long)image.Width * image.Height);
    }
}
