namespace DominantColors.PeerComparison;

/// <summary>A raw RGB24 file of <see cref="Frames"/> frames of <see cref="Width"/> × <see cref="Height"/> pixels.</summary>
internal sealed record RawFile(string Name, string File, int Width, int Height, int Frames);
