using DominantColors.Hue.Bridge;

namespace DominantColors.Hue.Sinks;

/// <summary>
/// Which of a sink's lights each entertainment channel shows: the light the config names for that channel id, else
/// the light of the screen-grid cell at the channel's position (named <c>{gridPrefix}{cell}</c>), else none (dark).
/// </summary>
public sealed class HueChannelMap(IReadOnlyList<string> lights, IReadOnlyDictionary<int, string> explicitChannels, string? gridPrefix)
{
    /// <summary>The index into the sink's lights for <paramref name="channel"/>, or -1.</summary>
    public int LightIndexOf(EntertainmentChannel channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        if (explicitChannels.TryGetValue(channel.ChannelId, out var name))
        {
            return IndexOf(name);
        }

        return gridPrefix is null ? -1 : IndexOf(gridPrefix + ScreenGrid.CellNames[ScreenGrid.CellOf(channel.Position)]);
    }

    private int IndexOf(string name)
    {
        for (var i = 0; i < lights.Count; i++)
        {
            if (string.Equals(lights[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
