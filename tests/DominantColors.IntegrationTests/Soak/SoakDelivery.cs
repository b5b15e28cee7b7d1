namespace DominantColors.IntegrationTests.Soak;

/// <summary>What reached each peer, and the frames the daemon analysed, over the soak's last 5 s.</summary>
internal sealed record SoakDelivery(long Mqtt, long Wled, long Hue, long Frames);
