using System.ComponentModel.DataAnnotations;
using DominantColors.Hue.Colors;
using DominantColors.Hue.Outputs;

namespace DominantColors.Outputs.Hue;

/// <summary><c>outputs:</c> entry with <c>type: hue</c>.</summary>
internal sealed class HueOutputOptions
{
    /// <summary>The bridge: <c>host</c> or <c>host:port</c> (HTTPS, 443 by default).</summary>
    public string Bridge { get; set; } = string.Empty;

    /// <summary>The bridge's Entertainment (DTLS) port.</summary>
    [Range(1, 65535)]
    public int StreamingPort { get; set; } = 2100;

    /// <summary>The file <c>dominant-colors hue pair</c> wrote; relative paths are in the state directory.</summary>
    public string Credentials { get; set; } = global::DominantColors.Hue.Bridge.CredentialsFile.DefaultFileName;

    public HueMode Mode { get; set; } = HueMode.Rest;

    /// <summary>Entertainment: the area's name or id.</summary>
    public string? Area { get; set; }

    /// <summary>REST: which pipeline light drives which bulb.</summary>
    public List<HueLightOptions> Lights { get; set; } = [];

    /// <summary>Entertainment: channels shown from a named light instead of the screen region at their position.</summary>
    public List<HueChannelOptions> Channels { get; set; } = [];

    /// <summary>Entertainment: take the area over when another app streams to it.</summary>
    public bool TakeOver { get; set; }

    /// <summary>Put the lights back as they were when the daemon stops.</summary>
    public bool Restore { get; set; } = true;

    /// <summary>Entertainment: frames per second, sent even when colors do not change.</summary>
    [Range(10.0, 60.0)]
    public double Rate { get; set; } = 50;

    /// <summary>Entertainment: seconds of black (TV off) after which the area is released until colors return.</summary>
    [Range(1.0, 86400.0)]
    public double PauseAfterBlackSeconds { get; set; } = 30;

    /// <summary>
    /// Entertainment: seconds between reads of the area's status while streaming, which notice a bridge that stopped
    /// the stream or gave the area to another app; 0 never reads. Unset: the sink's default (5 s).
    /// </summary>
    public double? StatusIntervalSeconds { get; set; }

    /// <summary>
    /// Entertainment: ask for real-time scheduling (Linux SCHED_FIFO) for the thread that sends frames, so a busy
    /// machine does not delay them. Unset: the sink's default (true).
    /// </summary>
    public bool? RealtimeThread { get; set; }

    /// <summary>The RGB space colors are read in: srgb (video) or huewide (Philips' own, more saturated).</summary>
    public RgbPrimaries Primaries { get; set; } = RgbPrimaries.Srgb;

    /// <summary>What an entertainment sink gets from these options; unset keys keep the sink's defaults.</summary>
    public HueEntertainmentOptions ToEntertainmentOptions()
    {
        var options = new HueEntertainmentOptions
        {
            Area = Area ?? string.Empty,
            StreamingPort = StreamingPort,
            FrameInterval = TimeSpan.FromSeconds(1 / Rate),
            TakeOver = TakeOver,
            Restore = Restore,
            PauseAfterBlack = TimeSpan.FromSeconds(PauseAfterBlackSeconds),
        };
        return options with
        {
            StatusInterval = StatusIntervalSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : options.StatusInterval,
            RealtimeThread = RealtimeThread ?? options.RealtimeThread,
        };
    }
}
