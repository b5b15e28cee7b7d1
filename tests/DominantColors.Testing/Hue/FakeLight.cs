namespace DominantColors.Testing.Hue;

/// <summary>A light of the fake bridge and its current state (mutated by commands).</summary>
public sealed class FakeLight(string id, string v1Id, string name, string gamutType)
{
    public string Id { get; } = id;

    public string V1Id { get; } = v1Id;

    public string Name { get; } = name;

    public string GamutType { get; } = gamutType;

    /// <summary>The entertainment service of this light.</summary>
    public string ServiceId { get; } = Guid.NewGuid().ToString();

    public bool On { get; set; } = true;

    public double Brightness { get; set; } = 75;

    public double X { get; set; } = 0.4573;

    public double Y { get; set; } = 0.41;
}
