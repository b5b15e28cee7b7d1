using System.Buffers.Binary;
using DominantColors.Testing.Imaging;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.Formats.Webp;
using ImageRgb24 = SixLabors.ImageSharp.PixelFormats.Rgb24;

namespace DominantColors.Tests.Samples;

/// <summary>
/// The bad-input corpus, made on demand rather than committed: cut, damaged and empty JPEG/PNG/GIF/WebP files,
/// headers that claim 50000x50000 pixels, text behind picture extensions, and symlinks that loop.
/// </summary>
internal static class BadPictures
{
    /// <summary>Writes every damaged file into <paramref name="folder"/>; returns their names.</summary>
    public static IReadOnlyList<string> WriteFiles(string folder)
    {
        var jpeg = TestFolder.NoiseBytes(jpeg: true);
        var png = TestFolder.NoiseBytes(jpeg: false);
        var gif = Noise(new GifEncoder());
        var webp = Noise(new WebpEncoder { FileFormat = WebpFileFormatType.Lossless });
        var files = new Dictionary<string, byte[]>
        {
            ["cut.jpg"] = jpeg[..(jpeg.Length / 2)],
            ["cut.png"] = png[..(png.Length / 2)],
            ["cut.gif"] = gif[..(gif.Length / 2)],
            ["cut.webp"] = webp[..(webp.Length / 2)],
            ["damaged.jpg"] = Damage(jpeg, 2, 120),
            ["damaged.png"] = Damage(png, 40, png.Length - 60),
            ["damaged.gif"] = BreakGifBlocks(gif),
            ["damaged.webp"] = Damage(webp, 30, webp.Length - 40),
            ["empty.jpg"] = [],
            ["empty.png"] = [],
            ["empty.gif"] = [],
            ["empty.webp"] = [],
            ["bomb.png"] = PngBomb(50_000, 50_000),
            ["bomb.gif"] = GifBomb(50_000, 50_000),
            ["words.webp"] = "not a picture at all\n"u8.ToArray(),
            ["words.gif"] = "GIF? no: just words\n"u8.ToArray(),
        };
        foreach (var (name, bytes) in files)
        {
            File.WriteAllBytes(Path.Combine(folder, name), bytes);
        }

        return [.. files.Keys];
    }

    /// <summary>Links that never reach a file: <c>loop-a.png</c> and <c>loop-b.png</c> point at each other, <c>self.jpg</c> at itself.</summary>
    public static IReadOnlyList<string> WriteFileLoops(string folder)
    {
        File.CreateSymbolicLink(Path.Combine(folder, "loop-a.png"), Path.Combine(folder, "loop-b.png"));
        File.CreateSymbolicLink(Path.Combine(folder, "loop-b.png"), Path.Combine(folder, "loop-a.png"));
        File.CreateSymbolicLink(Path.Combine(folder, "self.jpg"), Path.Combine(folder, "self.jpg"));
        return ["loop-a.png", "loop-b.png", "self.jpg"];
    }

    /// <summary>A subfolder that is the folder itself again: walking it naively never ends.</summary>
    public static void WriteFolderLoop(string folder) =>
        Directory.CreateSymbolicLink(Path.Combine(folder, "again"), folder);

    /// <summary>A valid PNG whose header claims <paramref name="width"/> x <paramref name="height"/> (checksum fixed up).</summary>
    public static byte[] PngBomb(int width, int height)
    {
        var png = TestFolder.PngBytes(1, 1, new ImageRgb24(255, 0, 0));

        // IHDR starts at byte 16 (after the 8-byte signature, the length and the type): width, height, big-endian.
        BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(16), width);
        BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(20), height);
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(29), PngCrc.Compute(png.AsSpan(12, 17)));
        return png;
    }

    /// <summary>A 1x1 GIF whose screen and image descriptors claim <paramref name="width"/> x <paramref name="height"/>.</summary>
    public static byte[] GifBomb(int width, int height)
    {
        using var image = new Image<ImageRgb24>(1, 1, new ImageRgb24(0, 255, 0));
        using var stream = new MemoryStream();
        image.Save(stream, new GifEncoder());
        var gif = stream.ToArray();
        BinaryPrimitives.WriteUInt16LittleEndian(gif.AsSpan(6), (ushort)width);
        BinaryPrimitives.WriteUInt16LittleEndian(gif.AsSpan(8), (ushort)height);
        var descriptor = GifImageDescriptor(gif);
        BinaryPrimitives.WriteUInt16LittleEndian(gif.AsSpan(descriptor + 5), (ushort)width);
        BinaryPrimitives.WriteUInt16LittleEndian(gif.AsSpan(descriptor + 7), (ushort)height);
        return gif;
    }

    /// <summary>A GIF whose image block starts with an unknown introducer: no checksum catches damaged LZW data, but this is caught.</summary>
    private static byte[] BreakGifBlocks(byte[] gif)
    {
        var broken = gif.ToArray();
        broken[GifImageDescriptor(gif)] = 0x77;
        return broken;
    }

    /// <summary>Where the first image descriptor (0x2C) starts: after the screen descriptor, its color table and any extensions.</summary>
    private static int GifImageDescriptor(byte[] gif)
    {
        var position = 13 + ((gif[10] & 0x80) != 0 ? 3 * (1 << ((gif[10] & 7) + 1)) : 0);
        while (gif[position] == 0x21)
        {
            position += 2;
            while (gif[position] != 0)
            {
                position += gif[position] + 1;
            }

            position++;
        }

        return gif[position] == 0x2C ? position : throw new InvalidOperationException("No image descriptor in the GIF.");
    }

    private static byte[] Noise(SixLabors.ImageSharp.Formats.IImageEncoder encoder)
    {
        using var image = Image.Load<ImageRgb24>(TestFolder.NoiseBytes(jpeg: false));
        using var stream = new MemoryStream();
        image.Save(stream, encoder);
        return stream.ToArray();
    }

    private static byte[] Damage(byte[] bytes, int from, int to)
    {
        var damaged = bytes.ToArray();
        for (var i = from; i < to; i += 5)
        {
            damaged[i] ^= 0x5A;
        }

        return damaged;
    }
}
