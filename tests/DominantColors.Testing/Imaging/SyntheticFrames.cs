using DominantColors.Colors;

namespace DominantColors.Testing.Imaging;

/// <summary>
/// Deterministic RGB24 pictures for tests and benchmarks: flat planted colors, and "scenes" made of a two-color
/// gradient, a few soft-edged blobs and per-pixel noise, optionally drifting from frame to frame.
/// </summary>
public static class SyntheticFrames
{
    /// <summary>Horizontal bands of exactly the given colors, band i about shares[i] of the rows.</summary>
    public static byte[] Planted(int width, int height, ReadOnlySpan<Rgb24> colors, ReadOnlySpan<double> shares)
    {
        var pixels = new byte[width * height * 3];
        var row = 0;
        for (var c = 0; c < colors.Length; c++)
        {
            var rows = c == colors.Length - 1 ? height - row : (int)Math.Round(shares[c] * height);
            for (var y = row; y < Math.Min(height, row + rows); y++)
            {
                for (var x = 0; x < width; x++)
                {
                    var o = ((y * width) + x) * 3;
                    (pixels[o], pixels[o + 1], pixels[o + 2]) = (colors[c].R, colors[c].G, colors[c].B);
                }
            }

            row += rows;
        }

        return pixels;
    }

    /// <summary>One frame of scene <paramref name="scene"/>: frame numbers move the blobs a little and change the noise.</summary>
    public static byte[] Scene(int width, int height, int scene, int frame = 0, int noise = 12)
    {
        var pixels = new byte[width * height * 3];
        Scene(pixels, width, height, scene, frame, noise);
        return pixels;
    }

    public static void Scene(Span<byte> pixels, int width, int height, int scene, int frame, int noise)
    {
        var random = new TestRandom((ulong)scene * 7919);
        var top = RandomColor(ref random);
        var bottom = RandomColor(ref random);
        var blobCount = 3 + random.Next(4);
        Span<(float X, float Y, float R, Rgb24 Color)> blobs = stackalloc (float, float, float, Rgb24)[blobCount];
        for (var i = 0; i < blobCount; i++)
        {
            var drift = frame * 0.002f;
            blobs[i] = (
                (random.NextFloat() + drift) % 1f * width,
                random.NextFloat() * height,
                (0.08f + (0.2f * random.NextFloat())) * Math.Min(width, height) + 1,
                RandomColor(ref random));
        }

        var pixelNoise = new TestRandom(((ulong)scene << 32) | (uint)frame);
        for (var y = 0; y < height; y++)
        {
            var t = height > 1 ? y / (float)(height - 1) : 0f;
            for (var x = 0; x < width; x++)
            {
                var r = top.R + ((bottom.R - top.R) * t);
                var g = top.G + ((bottom.G - top.G) * t);
                var b = top.B + ((bottom.B - top.B) * t);
                foreach (var blob in blobs)
                {
                    var dx = x - blob.X;
                    var dy = y - blob.Y;
                    var inside = Math.Clamp(1.5f - (MathF.Sqrt((dx * dx) + (dy * dy)) / blob.R), 0f, 1f);
                    r += (blob.Color.R - r) * inside;
                    g += (blob.Color.G - g) * inside;
                    b += (blob.Color.B - b) * inside;
                }

                var o = (y * width * 3) + (x * 3);
                pixels[o] = Noisy(r, ref pixelNoise, noise);
                pixels[o + 1] = Noisy(g, ref pixelNoise, noise);
                pixels[o + 2] = Noisy(b, ref pixelNoise, noise);
            }
        }
    }

    private static Rgb24 RandomColor(ref TestRandom random) =>
        new((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256));

    private static byte Noisy(float value, ref TestRandom random, int noise) =>
        (byte)Math.Clamp((int)MathF.Round(value + (noise == 0 ? 0 : random.Next((2 * noise) + 1) - noise)), 0, 255);
}
