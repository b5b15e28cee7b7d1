
using DominantColors.Regions;

namespace DominantColors.Strips;

/// <summary>
/// One run of LEDs that shows one color: its light name, the edge region of the picture it mirrors and its LEDs
/// (<paramref name="FirstLed"/> counted from the strip's start).
/// </summary>
public sealed record StripZone(string Name, Zone Region, int FirstLed, int LedCount);
