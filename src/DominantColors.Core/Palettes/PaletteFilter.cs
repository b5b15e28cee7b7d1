namespace DominantColors.Palettes;

/// <summary>
/// Which palette entries a selection may return, by OKLab lightness. The default excludes nothing.
/// </summary>
/// <param name="ExcludeNearBlack">Entries with L below this are skipped; 0 turns the check off.</param>
/// <param name="ExcludeNearWhite">Entries with L above this are skipped; 0 turns the check off.</param>
public readonly record struct PaletteFilter(float ExcludeNearBlack, float ExcludeNearWhite)
{
    /// <summary>Skips the blacks of letterboxes and dark scenes and blown-out whites: L below 0.15 or above 0.95.</summary>
    public static PaletteFilter NoBlackOrWhite => new(0.15f, 0.95f);

    public bool Allows(in PaletteEntry entry) =>
        !(ExcludeNearBlack > 0f && entry.Lab.L < ExcludeNearBlack) &&
        !(ExcludeNearWhite > 0f && entry.Lab.L > ExcludeNearWhite);
}
