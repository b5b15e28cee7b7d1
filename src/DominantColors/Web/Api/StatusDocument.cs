namespace DominantColors.Web.Api;

/// <summary>The body of <c>/api/status</c>, and of each preview event (then with <see cref="Frame"/>).</summary>
internal sealed record StatusDocument
{
    public required double UptimeSeconds { get; init; }

    public required bool Healthy { get; init; }

    /// <summary><c>ok</c>, or why the daemon is not healthy.</summary>
    public required string Health { get; init; }

    public required SettingsDocument Settings { get; init; }

    public required SourceDocument Source { get; init; }

    public required IReadOnlyList<StageDocument> Stages { get; init; }

    public required IReadOnlyList<OutputDocument> Outputs { get; init; }

    /// <summary>The picture area left after black borders are cut, in 0..1 coordinates.</summary>
    public required AreaDocument Crop { get; init; }

    public required IReadOnlyList<ZoneDocument> Zones { get; init; }

    public required IReadOnlyList<LightDocument> Lights { get; init; }

    /// <summary>The analysis frame's thumbnail; only in preview events.</summary>
    public FrameDocument? Frame { get; init; }
}
