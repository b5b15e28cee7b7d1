using DominantColors.Outputs;

namespace DominantColors.Pipeline;

/// <summary>One sink's feed and, for each of its lights, the index of that light in the pipeline's light list.</summary>
internal sealed record SinkRoute(IColorSink Sink, LightFeed Feed, int[] LightIndexes);
