using DominantColors.Sources.Folder;
using DominantColors.Sources.Tests.Samples;

namespace DominantColors.Sources.Tests.Folder;

/// <summary>
/// The folder source decodes whatever lands in the watched folder: damaged pictures of every format it reads must come
/// back as a reason to skip the file, never as an exception that stops the source.
/// </summary>
public sealed class ImageDecoderDamageTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public static TheoryData<string> Formats => new("png", "jpg", "gif", "webp-lossless", "webp-lossy");

    public void Dispose() => _folder.Dispose();

    [Theory]
    [MemberData(nameof(Formats))]
    public void TryDecode_DamagedFiles_ReturnAReasonAndNeverThrow(string format)
    {
        var original = Encode(format);
        var destination = new byte[32 * 18 * 3];
        var unexpected = new List<string>();
        var path = Path.Combine(_folder.Path, "damaged." + format);

        for (var seed = 0; seed < 150; seed++)
        {
            var random = new Random(seed);
            var bytes = original.ToArray();
            for (var i = 1 + random.Next(8); i > 0; i--)
            {
                bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
            }

            File.WriteAllBytes(path, seed % 3 == 0 ? bytes[..random.Next(1, bytes.Length)] : bytes);
            try
            {
                var reason = ImageDecoder.TryDecode(path, 32, 18, 4_000_000, destination);
                Assert.True(reason is null || reason.Length > 0);
            }
            catch (Exception ex) when (ex is not Xunit.Sdk.XunitException)
            {
                unexpected.Add($"seed {seed}: {ex.GetType().Name}: {ex.Message}");
            }
        }

        Assert.Empty(unexpected);
    }

    private static byte[] Encode(string format)
    {
        using var picture = TestPictures.Noise(48, 32, seed: 9);
        return format switch
        {
            "png" => TestPictures.Png(picture),
            "jpg" => TestPictures.Jpeg(picture),
            "gif" => TestPictures.Gif(picture),
            "webp-lossless" => TestPictures.Webp(picture, lossless: true),
            _ => TestPictures.Webp(picture, lossless: false),
        };
    }
}
