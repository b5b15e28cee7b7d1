namespace DominantColors.Extract;

/// <summary>
/// What came of one input: its palettes (one for a picture, one per frame for a video or a multi-frame raw file)
/// or the reason it could not be read. A sequence also has a <see cref="Summary"/> palette of all its frames.
/// </summary>
internal sealed record InputOutcome(string File, IReadOnlyList<PaletteRecord> Palettes, PaletteRecord? Summary, string? Error)
{
    public bool IsSequence => Summary is not null;

    /// <summary>A small JPEG of a picture, made from its decoded pixels when a contact sheet is asked for.</summary>
    public byte[]? Thumbnail { get; init; }

    public static InputOutcome Failed(string file, string reason) => new(file, [], null, reason);
}
