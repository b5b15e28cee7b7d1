namespace DominantColors.Outputs.Hue;

/// <summary>REST mapping <c>{id, light}</c>: the pipeline light <c>id</c> drives the bulb <c>light</c> (id, v1 id or name).</summary>
internal sealed class HueLightOptions
{
    public string Id { get; set; } = string.Empty;

    public string Light { get; set; } = string.Empty;
}
