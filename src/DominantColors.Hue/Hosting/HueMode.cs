namespace DominantColors.Hue.Hosting;

/// <summary>How a <c>type: hue</c> output drives the bridge.</summary>
internal enum HueMode
{
    /// <summary>REST light commands, at most 10 per second for the whole bridge.</summary>
    Rest,

    /// <summary>An entertainment area streamed over DTLS at about 50 Hz.</summary>
    Entertainment,
}
