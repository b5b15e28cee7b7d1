using DominantColors.Strips;

namespace DominantColors.Leds.Streaming;

/// <summary>
/// The strip keys of the outputs this project drives (<c>e131</c>, <c>artnet</c>, <c>adalight</c>, <c>spi</c>): a
/// layout or lights with <c>ledCount</c>, and a rate cap (<see cref="StripOptions"/>, shared with <c>type: wled</c>).
/// </summary>
public abstract class LedStripOptions : StripOptions
{
    protected LedStripOptions()
        : base("leds")
    {
    }
}
