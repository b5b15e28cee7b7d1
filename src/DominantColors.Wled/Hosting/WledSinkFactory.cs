using DominantColors.Outputs;
using Microsoft.Extensions.Logging;

namespace DominantColors.Wled.Hosting;

/// <summary>
/// <c>outputs: - type: wled</c>: a strip output (<see cref="StripSinkFactory{TOptions}"/> plans its lights or its layout's
/// zone lights, named <c>wled&lt;n&gt;.&lt;i&gt;</c>) streaming to one WLED controller.
/// </summary>
internal sealed class WledSinkFactory : StripSinkFactory<WledSinkOptions>
{
    public override string Type => "wled";

    protected override IReadOnlyList<IColorSink> CreateSinks(OutputSection output, WledSinkOptions options, SinkContext context) =>
        [new WledSink(options, context.TimeProvider, context.LoggerFactory.CreateLogger<WledSink>())];
}
