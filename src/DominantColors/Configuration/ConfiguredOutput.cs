using DominantColors.Outputs;

namespace DominantColors.Configuration;

/// <summary>One accepted entry of <c>outputs:</c> with the factory that builds it and what it drives.</summary>
internal sealed record ConfiguredOutput(OutputSection Section, IColorSinkFactory Factory, OutputPlan Plan);
