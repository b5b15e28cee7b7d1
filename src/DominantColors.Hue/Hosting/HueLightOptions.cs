namespace DominantColors.Hue.Hosting;

/// <summary>
/// REST mapping <c>{id, light}</c>: the pipeline light <c>light</c> drives the bulb <c>id</c>. As everywhere in the
/// file (<c>channels: [{channel, light}]</c>, <c>lights: [...]</c>), <c>light</c> names a pipeline light.
/// </summary>
internal sealed class HueLightOptions
{
    /// <summary>The bulb: its id, v1 id or name (<c>dominant-colors hue lights</c> lists them).</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>The pipeline light (from the config's <c>lights:</c>) whose color the bulb shows.</summary>
    public string Light { get; set; } = string.Empty;
}
