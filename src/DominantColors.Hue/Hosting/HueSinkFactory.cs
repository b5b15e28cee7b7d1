using System.Collections.Concurrent;
using DominantColors.Configuration;
using DominantColors.Hue.Bridge;
using DominantColors.Hue.Colors;
using DominantColors.Hue.Sinks;
using DominantColors.Lights;
using DominantColors.Outputs;
using DominantColors.Regions;
using Microsoft.Extensions.Logging;

namespace DominantColors.Hue.Hosting;

/// <summary>
/// <c>outputs: - type: hue</c>. REST outputs drive configured lights; entertainment outputs also declare nine screen
/// regions of their own (<c>hue{n}:top-left</c> … <c>hue{n}:bottom-right</c>) that channels follow by position, so the
/// config needs no knowledge of the area's layout. Outputs on the same bridge share one REST command budget, which
/// the factory owns (disposed with it, by the container); each sink owns its bridge client.
/// </summary>
internal sealed class HueSinkFactory : ColorSinkFactory<HueOutputOptions>, IDisposable
{
    private readonly ConcurrentDictionary<string, RestCommandBudget> _budgets = new(StringComparer.OrdinalIgnoreCase);

    public override string Type => "hue";

    protected override OutputPlan PlanFor(OutputSection output, HueOutputOptions options, ConfigErrors errors)
    {
        if (options.Mode == HueMode.Rest)
        {
            for (var i = 0; i < options.Lights.Count; i++)
            {
                if (!output.ConfiguredLights.Contains(options.Lights[i].Light, StringComparer.Ordinal))
                {
                    errors.Add(
                        output.PathOf($"lights:{i}:light"),
                        $"no light named '{options.Lights[i].Light}' in the config's lights: (light: names the pipeline light, id: the bulb)");
                }
            }

            return new OutputPlan([.. options.Lights.Select(l => l.Light)]);
        }

        for (var i = 0; i < options.Channels.Count; i++)
        {
            if (!output.ConfiguredLights.Contains(options.Channels[i].Light, StringComparer.Ordinal))
            {
                errors.Add(output.PathOf($"channels:{i}:light"), $"no light named '{options.Channels[i].Light}' in the config's lights:");
            }
        }

        var prefix = GridPrefix(output);
        var grid = ScreenGrid.CellNames.Select((cell, i) =>
        {
            var (x, y, width, height) = ScreenGrid.Area(i);
            return new LightDefinition(prefix + cell, Zone.Create(x, y, width, height), LightPick.Dominant);
        }).ToList();
        var lights = grid.Select(l => l.Name).Concat(options.Channels.Select(c => c.Light)).Distinct(StringComparer.Ordinal).ToList();
        return new OutputPlan(lights, grid);
    }

    protected override IReadOnlyList<IColorSink> CreateSinks(OutputSection output, HueOutputOptions options, SinkContext context)
    {
        var address = BridgeAddress.Parse(options.Bridge);
        var path = Path.Combine(context.StateDirectory, options.Credentials);
        HueCredentials credentials;
        try
        {
            credentials = CredentialsFile.Load(path);
        }
        catch (InvalidDataException ex)
        {
            throw InvalidConfigException.For(output.PathOf("credentials"), ex.Message);
        }

        var client = new HueBridgeClient(address, BridgeCertificatePin.ForPairedBridge(credentials), credentials.ApplicationKey);
        var converter = new XyColorConverter(options.Primaries);
        var budget = _budgets.GetOrAdd(credentials.BridgeId, _ => new RestCommandBudget(context.TimeProvider));
        if (options.Mode == HueMode.Rest)
        {
            var lights = options.Lights.Select(l => new HueRestLight(Id: l.Light, Light: l.Id)).ToList();
            return
            [
                new HueRestSink($"hue:{address}", client, lights, budget, converter, options.Restore, context.TimeProvider,
                    context.LoggerFactory.CreateLogger<HueRestSink>()),
            ];
        }

        var entertainment = options.ToEntertainmentOptions();
        var sinkLights = context.Plan.Lights;
        var map = new HueChannelMap(sinkLights, options.Channels.ToDictionary(c => c.Channel, c => c.Light), GridPrefix(output));
        return
        [
            new HueEntertainmentSink($"hue:{options.Area}", client, credentials, entertainment, sinkLights, map, converter, budget, context.TimeProvider,
                context.LoggerFactory.CreateLogger<HueEntertainmentSink>()),
        ];
    }

    public void Dispose()
    {
        foreach (var budget in _budgets.Values)
        {
            budget.Dispose();
        }

        _budgets.Clear();
    }

    /// <summary>Grid light names are unique per output: <c>hue{index}:</c> from the output's position in the list.</summary>
    private static string GridPrefix(OutputSection output) => $"hue{output.Section.Key}:";
}
