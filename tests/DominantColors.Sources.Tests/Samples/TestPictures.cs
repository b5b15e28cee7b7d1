using System.Buffers.Binary;
using DominantColors.Testing.Imaging;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Webp;
using ImageRgb24 = SixLabors.ImageSharp.PixelFormats.Rgb24;

namespace DominantColors.Sources.Tests.Samples;

/// <summary>Pictures made in memory for the decoder tests: real encodings, and deliberately broken ones.</summary>
internal static class TestPictures
{
    /// <summary>Left half red, right half blue.</summary>
    public static Image<ImageRgb24> Halves(int width, int height)
    {
        var image = new Image<ImageRgb24>(width, height);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                image[x, y] = x < width / 2 ? new ImageRgb24(255, 0, 0) : new ImageRgb24(0, 0, 255);
            }
        }

        return image;
    }

    /// <summary>A noisy gradient: compresses badly, so truncating the file cuts into the pixel data.</summary>
    public static Image<ImageRgb24> Noise(int width, int height, int seed)
    {
        var random = new Random(seed);
        var image = new Image<ImageRgb24>(width, height);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                image[x, y] = new ImageRgb24((byte)random.Next(256), (byte)(x * 255 / width), (byte)(y * 255 / height));
            }
        }

        return image;
    }

    public static byte[] Png(Image<ImageRgb24> image)
    {
        using var stream = new MemoryStream();
        image.Save(stream, new PngEncoder());
        return stream.ToArray();
    }

    public static byte[] Jpeg(Image<ImageRgb24> image, int quality = 90)
    {
        using var stream = new MemoryStream();
        image.Save(stream, new JpegEncoder { Quality = quality });
        return stream.ToArray();
    }

    public static byte[] Gif(Image<ImageRgb24> image)
    {
        using var stream = new MemoryStream();
        image.Save(stream, new GifEncoder());
        return stream.ToArray();
    }

    public static byte[] Webp(Image<ImageRgb24> image, bool lossless)
    {
        using var stream = new MemoryStream();
        image.Save(stream, new WebpEncoder { FileFormat = lossless ? WebpFileFormatType.Lossless : WebpFileFormatType.Lossy });
        return stream.ToArray();
    }

    /// <summary>A valid PNG whose header claims <paramref name="width"/> x <paramref name="height"/> with a few bytes of data.</summary>
    public static byte[] PngBomb(int width, int height)
    {
        using var stream = new MemoryStream();
        stream.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 2; // truecolor
        WriteChunk(stream, "IHDR", header);
        WriteChunk(stream, "IDAT", [0x78, 0x9C, 0x63, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01]);
        WriteChunk(stream, "IEND", []);
        return stream.ToArray();
    }

    /// <summary>A real JPEG whose frame header (SOF) is rewritten to claim <paramref name="width"/> x <paramref name="height"/>.</summary>
    public static byte[] JpegBomb(int width, int height)
    {
        using var image = Halves(16, 16);
        var bytes = Jpeg(image);
        for (var i = 2; i < bytes.Length - 9; i++)
        {
            if (bytes[i] == 0xFF && bytes[i + 1] is 0xC0 or 0xC1 or 0xC2)
            {
                BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(i + 5), checked((ushort)height));
                BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(i + 7), checked((ushort)width));
                return bytes;
            }
        }

        throw new InvalidOperationException("The encoder wrote no frame header.");
    }

    private static void WriteChunk(Stream stream, string type, byte[] data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        stream.Write(word);
        var typed = new byte[4 + data.Length];
        for (var i = 0; i < 4; i++)
        {
            typed[i] = (byte)type[i];
        }

        data.CopyTo(typed, 4);
        stream.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(word, PngCrc.Compute(typed));
        stream.Write(word);
    }
}
