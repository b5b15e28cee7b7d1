using System.Diagnostics;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using ImageRgb24 = SixLabors.ImageSharp.PixelFormats.Rgb24;

namespace DominantColors.Tests.Samples;

/// <summary>A temp folder with pictures, videos and broken files made on demand; deleted on dispose.</summary>
internal sealed class TestFolder : IDisposable
{
    public TestFolder()
    {
        Path = Directory.CreateTempSubdirectory("dominant-colors-extract-").FullName;
    }

    public string Path { get; }

    public string Combine(string name) => System.IO.Path.Combine(Path, name);

    public string Write(string name, byte[] content)
    {
        var file = Combine(name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        File.WriteAllBytes(file, content);
        return file;
    }

    /// <summary>A PNG in which the first <paramref name="firstShare"/> of the rows are <paramref name="first"/> and the rest <paramref name="second"/>.</summary>
    public string Png(string name, int width, int height, ImageRgb24 first, ImageRgb24 second, double firstShare = 1.0) =>
        Write(name, Encode(Bands(width, height, first, second, firstShare), new PngEncoder()));

    public string Jpeg(string name, int width, int height, ImageRgb24 first, ImageRgb24 second, double firstShare = 1.0) =>
        Write(name, Encode(Bands(width, height, first, second, firstShare), new JpegEncoder { Quality = 95 }));

    public static byte[] PngBytes(int width, int height, ImageRgb24 color) => Encode(Bands(width, height, color, color, 1), new PngEncoder());

    /// <summary>A noisy picture (compresses badly, so a cut file loses pixel data) as PNG or JPEG bytes.</summary>
    public static byte[] NoiseBytes(bool jpeg)
    {
        var random = new Random(11);
        using var image = new Image<ImageRgb24>(64, 64);
        for (var y = 0; y < 64; y++)
        {
            for (var x = 0; x < 64; x++)
            {
                image[x, y] = new ImageRgb24((byte)random.Next(256), (byte)(x * 4), (byte)(y * 4));
            }
        }

        using var stream = new MemoryStream();
        image.Save(stream, jpeg ? new JpegEncoder { Quality = 90 } : new PngEncoder());
        return stream.ToArray();
    }

    /// <summary>Runs ffmpeg to completion; fails the test with ffmpeg's stderr when it fails.</summary>
    public static async Task FfmpegAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in (string[])["-hide_banner", "-nostdin", "-loglevel", "error", "-y", .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"ffmpeg {string.Join(' ', arguments)} failed: {await stderr}");
        }
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);

    private static Image<ImageRgb24> Bands(int width, int height, ImageRgb24 first, ImageRgb24 second, double firstShare)
    {
        var image = new Image<ImageRgb24>(width, height);
        var firstRows = (int)Math.Round(height * firstShare);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                image[x, y] = y < firstRows ? first : second;
            }
        }

        return image;
    }

    private static byte[] Encode(Image<ImageRgb24> image, SixLabors.ImageSharp.Formats.IImageEncoder encoder)
    {
        using (image)
        {
            using var stream = new MemoryStream();
            image.Save(stream, encoder);
            return stream.ToArray();
        }
    }
}
