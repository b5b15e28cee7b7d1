using DominantColors.Sources.Decoders;
using DominantColors.Sources.Tests.Samples;

namespace DominantColors.Sources.Tests.Decoders;

public sealed class PictureCompletenessTests
{
    public static TheoryData<string> Formats => new("gif", "webp-lossless", "webp-lossy", "jpg");

    [Theory]
    [MemberData(nameof(Formats))]
    public void WhyIncomplete_WholeFile_IsNull(string format)
    {
        var (name, bytes) = Encode(format);

        Assert.True(PictureCompleteness.IsChecked(name));
        Assert.Null(PictureCompleteness.WhyIncomplete(name, bytes));
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void WhyIncomplete_CutAnywhere_SaysTruncated(string format)
    {
        var (name, bytes) = Encode(format);

        foreach (var length in new[] { 0, 1, 11, 12, bytes.Length / 3, bytes.Length / 2, bytes.Length - 1 })
        {
            Assert.Contains("truncated", PictureCompleteness.WhyIncomplete(name, bytes.AsSpan(0, length)), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void WhyIncomplete_FormatsWithTheirOwnChecks_AreNotChecked()
    {
        Assert.False(PictureCompleteness.IsChecked("PNG"));
        Assert.Null(PictureCompleteness.WhyIncomplete("PNG", [1, 2, 3]));
    }

    private static (string Name, byte[] Bytes) Encode(string format)
    {
        using var picture = TestPictures.Noise(40, 30, seed: 2);
        return format switch
        {
            "gif" => ("GIF", TestPictures.Gif(picture)),
            "webp-lossless" => ("Webp", TestPictures.Webp(picture, lossless: true)),
            "webp-lossy" => ("Webp", TestPictures.Webp(picture, lossless: false)),
            _ => ("JPEG", TestPictures.Jpeg(picture)),
        };
    }
}
