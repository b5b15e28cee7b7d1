using DominantColors.Configuration;
using DominantColors.Mqtt.Sink;
using Microsoft.Extensions.Logging;

namespace DominantColors.Outputs.Mqtt;

/// <summary>
/// <c>outputs: - type: mqtt</c>, e.g. <c>{type: mqtt, broker: 127.0.0.1, port: 1883, preset: wled, topic: wled/tv, lights: [tv]}</c>.
/// </summary>
internal sealed class MqttSinkFactory : IColorSinkFactory
{
    public string Type => "mqtt";

    public OutputPlan? Plan(OutputSection output, ConfigErrors errors)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        var before = errors.Errors.Count;
        var options = output.Bind<MqttSinkOptions>(errors);
        if (errors.Errors.Count == before)
        {
            foreach (var error in options.Validate())
            {
                errors.Add(output.PathOf(error.Key), error.Message);
            }

            output.CheckLightNames(options.Lights, errors);
        }

        return errors.Errors.Count == before ? new OutputPlan(options.Lights) : null;
    }

    public IReadOnlyList<IColorSink> Create(OutputSection output, SinkContext context)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(context);
        var options = output.Bind<MqttSinkOptions>(new ConfigErrors());
        options.Name = "output" + output.Section.Key;
        foreach (var error in options.Connection.CheckFiles())
        {
            throw InvalidConfigException.For(output.PathOf(error.Key), error.Message);
        }

        return [new MqttColorSink(options, context.TimeProvider, context.LoggerFactory.CreateLogger<MqttColorSink>())];
    }
}
