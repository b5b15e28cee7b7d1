using DominantColors.Colors;

namespace DominantColors.PeerComparison;

/// <summary>
/// One tool's palette of one picture or sequence frame: its colors, their weights (pixel counts or shares; empty
/// when the tool gives none) and the time the tool took, in milliseconds.
/// </summary>
internal sealed record ToolPalette(string Tool, string File, int K, int? Frame, Rgb24[] Colors, double[] Weights, double Milliseconds);
