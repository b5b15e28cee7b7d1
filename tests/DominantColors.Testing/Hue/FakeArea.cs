namespace DominantColors.Testing.Hue;

/// <summary>An entertainment configuration of the fake bridge; channel i drives light i at the given position.</summary>
public sealed class FakeArea(string id, string name, IReadOnlyList<(FakeLight Light, double X, double Y, double Z)> channels)
{
    public string Id { get; } = id;

    public string Name { get; } = name;

    public IReadOnlyList<(FakeLight Light, double X, double Y, double Z)> Channels { get; } = channels;

    /// <summary>Who streams to it (application id), or null when inactive.</summary>
    public string? ActiveStreamer { get; set; }

    public int Starts { get; set; }

    /// <summary>An application that starts the area just before our next start reaches the bridge, once.</summary>
    public string? StartedFirstBy { get; set; }

    /// <summary>Stops sent by our client (never by another application).</summary>
    public int Stops { get; set; }

    /// <summary>Times another application started the area (see <see cref="FakeHueBridge.StartAsOtherApplication"/>).</summary>
    public int OtherStarts { get; set; }

    /// <summary>GETs of this one area (status polls).</summary>
    public int StatusReads { get; set; }
}
