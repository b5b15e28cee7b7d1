using System.Text;
using DominantColors.Colors;
using DominantColors.Mqtt.Presets;

namespace DominantColors.Mqtt.Tests.Presets;

public sealed class PayloadTemplateTests
{
    [Fact]
    public void Render_DoubledBraces_WritesSingleBraces()
    {
        var template = PayloadTemplate.Parse("{{r}}={r}");
        var buffer = new byte[64];

        var written = template.Render(buffer, new Rgb24(7, 0, 0), "0"u8);

        Assert.Equal("{r}=7", Encoding.UTF8.GetString(buffer, 0, written));
    }

    [Fact]
    public void TryParse_UnknownPlaceholder_NamesItAndTheKnownOnes()
    {
        Assert.False(PayloadTemplate.TryParse("""{"c":"{colour}"}""", out _, out var error));

        Assert.Equal("has an unknown placeholder {colour} at position 6 (known: hex, r, g, b, x, y, brightness, transition)", error);
    }

    [Fact]
    public void TryParse_Empty_Fails()
    {
        Assert.False(PayloadTemplate.TryParse(string.Empty, out _, out var error));
        Assert.Equal("is empty", error);
    }

    [Fact]
    public void TryParse_TooLong_SaysHowLong()
    {
        Assert.False(PayloadTemplate.TryParse(new string('a', 600), out _, out var error));
        Assert.Equal("can render to 600 bytes, more than the 512 allowed", error);
    }
}
