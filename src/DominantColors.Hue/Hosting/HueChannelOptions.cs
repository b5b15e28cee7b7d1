namespace DominantColors.Hue.Hosting;

/// <summary>Entertainment mapping <c>{channel, light}</c>: the channel id shows the pipeline light <c>light</c>.</summary>
internal sealed class HueChannelOptions
{
    public int Channel { get; set; } = -1;

    public string Light { get; set; } = string.Empty;
}
