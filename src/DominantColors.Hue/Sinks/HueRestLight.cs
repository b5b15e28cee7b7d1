namespace DominantColors.Hue.Sinks;

/// <summary>One REST mapping: the pipeline light <see cref="Id"/> drives the bulb <see cref="Light"/> (id, v1 id or name).</summary>
public sealed record HueRestLight(string Id, string Light);
