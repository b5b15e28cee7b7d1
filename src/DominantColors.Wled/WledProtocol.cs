namespace DominantColors.Wled;

/// <summary>How colors travel to a WLED controller (YAML key <c>protocol</c>).</summary>
public enum WledProtocol
{
    /// <summary>DDP on UDP 4048: frames split over 480-LED packets, shown together on the PUSH flag.</summary>
    Ddp,

    /// <summary>DRGB on UDP 21324 with a timeout byte; more than 490 LEDs go as DNRGB chunks.</summary>
    Drgb,

    /// <summary>DNRGB on UDP 21324: a 16-bit start index per packet, 489 LEDs each.</summary>
    Dnrgb,
}
