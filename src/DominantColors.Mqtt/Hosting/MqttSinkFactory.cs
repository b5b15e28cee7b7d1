using DominantColors.Configuration;
using DominantColors.Mqtt.Sink;
using DominantColors.Outputs;
using Microsoft.Extensions.Logging;

namespace DominantColors.Mqtt.Hosting;

/// <summary>
/// <c>outputs: - type: mqtt</c>, e.g. <c>{type: mqtt, broker: 127.0.0.1, port: 1883, preset: wled, topic: wled/tv, lights: [tv]}</c>.
/// </summary>
internal sealed class MqttSinkFactory : ColorSinkFactory<MqttSinkOptions>
{
    public override string Type => "mqtt";

    protected override OutputPlan PlanFor(OutputSection output, MqttSinkOptions options, ConfigErrors errors)
    {
        options.SetName("output" + output.Section.Key);
        output.CheckLightNames(options.Lights, errors);
        return new OutputPlan(options.Lights);
    }

    protected override IReadOnlyList<IColorSink> CreateSinks(OutputSection output, MqttSinkOptions options, SinkContext context)
    {
        // The TLS and password files are the service's to read: checked when it starts, not by config check.
        foreach (var error in options.Connection.CheckFiles())
        {
            throw InvalidConfigException.For(output.PathOf(error.Key), error.Message);
        }

        return [new MqttColorSink(options, context.TimeProvider, context.LoggerFactory.CreateLogger<MqttColorSink>())];
    }
}
