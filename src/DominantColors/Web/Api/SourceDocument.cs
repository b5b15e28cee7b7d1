namespace DominantColors.Web.Api;

internal sealed record SourceDocument(double Fps, long Frames, long Sequence, double? LastFrameAgeSeconds, long DroppedFrames);
