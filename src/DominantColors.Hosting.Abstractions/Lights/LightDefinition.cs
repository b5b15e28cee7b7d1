
using DominantColors.Regions;

namespace DominantColors.Lights;

/// <summary>
/// A light the pipeline computes a color for: one entry of the config's <c>lights:</c>, or an extra light an output
/// declares for itself (a Hue Entertainment channel at its position, a WLED strip segment).
/// </summary>
/// <param name="Name">Unique among all lights; outputs refer to lights by it.</param>
/// <param name="Zone">The part of the (border-cropped) picture the light follows.</param>
/// <param name="Pick">Which palette color of that zone it shows.</param>
public sealed record LightDefinition(string Name, Zone Zone, LightPick Pick);
