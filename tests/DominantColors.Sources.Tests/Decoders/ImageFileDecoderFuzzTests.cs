using DominantColors.Sources.Decoders;
using DominantColors.Sources.Tests.Samples;

namespace DominantColors.Sources.Tests.Decoders;

public sealed class ImageFileDecoderFuzzTests
{
    private readonly ImageFileDecoder _decoder = new(maxPixels: 4_000_000);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Decode_DamagedFiles_EitherDecodesOrSaysWhy(bool jpeg)
    {
        using var picture = TestPictures.Noise(48, 32, seed: 5);
        var original = jpeg ? TestPictures.Jpeg(picture) : TestPictures.Png(picture);
        var unexpected = new List<string>();

        for (var seed = 0; seed < 200; seed++)
        {
            var random = new Random(seed);
            var bytes = original.ToArray();
            var damage = 1 + random.Next(8);
            for (var i = 0; i < damage; i++)
            {
                bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
            }

            var length = seed % 3 == 0 ? random.Next(1, bytes.Length) : bytes.Length;
            using var stream = new MemoryStream(bytes, 0, length);
            try
            {
                using var image = _decoder.Decode(stream);
                Assert.Equal(image.Width * image.Height * 3, image.Pixels.Length);
            }
            catch (UnreadableInputException)
            {
                // The expected way to fail.
            }
            catch (Exception ex) when (ex is not Xunit.Sdk.XunitException)
            {
                unexpected.Add($"seed {seed}: {ex.GetType().Name}: {ex.Message}");
            }
        }

        Assert.Empty(unexpected);
    }
}
