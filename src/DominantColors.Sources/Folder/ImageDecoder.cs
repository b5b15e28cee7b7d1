using System.Runtime.InteropServices;
using DominantColors.Sources.Decoders;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace DominantColors.Sources.Folder;

/// <summary>Reads an image file into RGB24 pixels at the analysis size.</summary>
internal static class ImageDecoder
{
    /// <summary>Decodes <paramref name="path"/> scaled to <paramref name="width"/> x <paramref name="height"/> into <paramref name="destination"/>.</summary>
    /// <returns>Null on success, otherwise why the file cannot be used.</returns>
    public static string? TryDecode(string path, int width, int height, long maxPixels, Span<byte> destination)
    {
        try
        {
            var info = Image.Identify(path, out var format);
            if (info is null || format is null)
            {
                return "not an image in a known format";
            }

            if ((long)info.Width * info.Height > maxPixels)
            {
                return $"{info.Width}x{info.Height} is more than {maxPixels} pixels";
            }

            // Cut JPEG, GIF and WebP files decode without complaint, their missing parts grey or black: refuse them.
            if (PictureCompleteness.IsChecked(format.Name) && PictureCompleteness.WhyIncomplete(format.Name, File.ReadAllBytes(path)) is { } incomplete)
            {
                return incomplete;
            }

            using var image = Image.Load<Rgb24>(path);
            image.Mutate(c => c.Resize(width, height));
            image.CopyPixelDataTo(MemoryMarshal.Cast<byte, Rgb24>(destination[..(width * height * 3)]));
            return null;
        }
        catch (UnknownImageFormatException)
        {
            return "not an image in a known format";
        }
        catch (InvalidImageContentException ex)
        {
            return $"damaged image ({ex.Message})";
        }
        catch (ImageFormatException ex)
        {
            return $"damaged image ({ex.Message})";
        }
        catch (IOException ex)
        {
            return $"cannot be read ({ex.Message})";
        }
        catch (UnauthorizedAccessException ex)
        {
            return $"cannot be read ({ex.Message})";
        }
        catch (Exception ex) when (ex is not (OutOfMemoryException or OperationCanceledException))
        {
            // Damaged files reach the decoders' internals in ways their own exception types do not cover: ImageSharp
            // 2.x throws index, argument and even null-reference errors on them. None of that may stop the source.
            return $"damaged image ({ex.GetType().Name}: {ex.Message})";
        }
    }
}
