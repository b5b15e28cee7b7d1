using System.ComponentModel.DataAnnotations;
using System.Globalization;
using DominantColors.Hue.Bridge;
using DominantColors.Hue.Colors;
using DominantColors.Hue.Sinks;

namespace DominantColors.Hue.Hosting;

/// <summary><c>outputs:</c> entry with <c>type: hue</c>.</summary>
internal sealed class HueOutputOptions : IValidatableObject
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

    /// <summary>REST: which bulb (<c>id</c>) shows which pipeline light (<c>light</c>).</summary>
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

    /// <summary>The rules across keys: a bridge address and credentials, and the keys each mode takes.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!BridgeAddress.TryParse(Bridge, out _))
        {
            yield return Error("bridge", $"'{Bridge}' is not a bridge address; expected host or host:port (e.g. 192.168.1.20)");
        }

        if (string.IsNullOrWhiteSpace(Credentials))
        {
            yield return Error("credentials", "must name the file written by 'dominant-colors hue pair'");
        }

        foreach (var error in Mode == HueMode.Rest ? ValidateRest() : ValidateEntertainment())
        {
            yield return error;
        }
    }

    private IEnumerable<ValidationResult> ValidateRest()
    {
        if (Lights.Count == 0)
        {
            yield return Error("lights", "mode: rest needs at least one {id, light} mapping");
        }

        if (Area is not null)
        {
            yield return Error("area", "applies to mode: entertainment only");
        }

        if (StatusIntervalSeconds is not null)
        {
            yield return Error("statusIntervalSeconds", "applies to mode: entertainment only (REST sends no stream to watch)");
        }

        if (RealtimeThread is not null)
        {
            yield return Error("realtimeThread", "applies to mode: entertainment only (REST has no stream thread)");
        }

        for (var i = 0; i < Lights.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(Lights[i].Id))
            {
                yield return Error($"lights:{i}:id", "must name a bulb (id, v1 id or name; 'dominant-colors hue lights' lists them)");
            }
        }

        if (Lights.GroupBy(l => l.Id, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            yield return Error("lights", $"bulb '{twice.Key}' is mapped more than once");
        }
    }

    private IEnumerable<ValidationResult> ValidateEntertainment()
    {
        if (string.IsNullOrWhiteSpace(Area))
        {
            yield return Error("area", "mode: entertainment needs the area's name or id ('dominant-colors hue areas' lists them)");
        }

        if (Lights.Count > 0)
        {
            yield return Error("lights", "applies to mode: rest only; map entertainment channels with channels: [{channel, light}]");
        }

        for (var i = 0; i < Channels.Count; i++)
        {
            if (Channels[i].Channel is < 0 or > 255)
            {
                yield return Error($"channels:{i}:channel", $"must be a channel id 0..255, got {Channels[i].Channel}");
            }
        }

        if (Channels.GroupBy(c => c.Channel).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            yield return Error("channels", $"channel {twice.Key} is mapped more than once");
        }

        // Each read is a REST request, and the bridge takes about 10 a second from every app together: under a
        // second would spend that budget on noticing a lost stream a little sooner.
        if (StatusIntervalSeconds is { } status && status != 0 && !(status >= 1 && status <= 3600))
        {
            yield return Error("statusIntervalSeconds", $"must be 0 (never read the area's status) or 1 to 3600 seconds, got {status.ToString(CultureInfo.InvariantCulture)}");
        }
    }

    private static ValidationResult Error(string key, string message) => new(message, [key]);
}
