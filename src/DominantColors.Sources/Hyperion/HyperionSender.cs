namespace DominantColors.Sources.Hyperion;

/// <summary>One connected sender's place in the <see cref="HyperionPriorityTable"/>; the table's lock guards it.</summary>
internal sealed class HyperionSender
{
    public HyperionSender(string peer) => Peer = peer;

    /// <summary>The remote end point, for logs.</summary>
    public string Peer { get; }

    /// <summary>What the sender registered as (Register.origin), for logs.</summary>
    public string Origin { get; set; } = string.Empty;

    /// <summary>The registered priority (100..199), or -1 before Register and after clearing itself.</summary>
    public int Priority { get; set; } = -1;

    /// <summary>Orders equal priorities: the latest registration wins.</summary>
    public long Registration { get; set; }

    /// <summary>Whether the sender has an image or a colour standing (set by input, dropped by Clear).</summary>
    public bool HasInput { get; set; }

    /// <summary>When the standing input ends (<see cref="TimeProvider.GetTimestamp"/> ticks); long.MaxValue = until cleared.</summary>
    public long InputUntil { get; set; }
}
