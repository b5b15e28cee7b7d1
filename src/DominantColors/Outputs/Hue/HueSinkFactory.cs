using System.Collections.Concurrent;
using System.Globalization;
using DominantColors.Analysis;
using DominantColors.Configuration;
using DominantColors.Hue.Bridge;
using DominantColors.Hue.Colors;
using DominantColors.Hue.Outputs;
using DominantColors.Lights;
using Microsoft.Extensions.Logging;

namespace DominantColors.Outputs.Hue;

/// <summary>
/// <c>outputs: - type: hue</c>. REST outputs drive configured lights; entertainment outputs also declare nine screen
/// regions of their own (<c>hue{n}:top-left</c> … <c>hue{n}:bottom-right</c>) that channels follow by position, so the
/// config needs no knowledge of the area's layout. Outputs on the same bridge share one REST command budget.
/// </summary>
internal sealed class HueSinkFactory : IColorSinkFactory
{
    private readonly ConcurrentDictionary<string, RestCommandBudget> _budgets = new(StringComparer.OrdinalIgnoreCase);

    public string Type => "hue";

    public OutputPlan? Plan(OutputSection output, ConfigErrors errors)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        var before = errors.Errors.Count;
        var options = output.Bind<HueOutputOptions>(errors);
        if (!BridgeAddress.TryParse(options.Bridge, out _))
        {
            errors.Add(output.PathOf("bridge"), $"'{options.Bridge}' is not a bridge address; expected host or host:port (e.g. 192.168.1.20)");
        }

        if (string.IsNullOrWhiteSpace(options.Credentials))
        {
            errors.Add(output.PathOf("credentials"), "must name the file written by 'dominant-colors hue pair'");
        }

        return options.Mode == HueMode.Rest ? PlanRest(output, options, errors, before) : PlanEntertainment(output, options, errors, before);
    }

    public IReadOnlyList<IColorSink> Create(OutputSection output, SinkContext context)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(context);
        var options = output.Bind<HueOutputOptions>(new ConfigErrors());
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
            var lights = options.Lights.Select(l => new HueRestLight(l.Id, l.Light)).ToList();
            return
            [
                new HueRestSink($"hue:{address}", client, lights, budget, converter, options.Restore, context.TimeProvider,
                    context.LoggerFactory.CreateLogger<HueRestSink>()),
            ];
        }

        var entertainment = options.ToEntertainmentOptions();
        var prefix = GridPrefix(output);
        var sinkLights = context.Plan.Lights;
        var map = new HueChannelMap(sinkLights, options.Channels.ToDictionary(c => c.Channel, c => c.Light), prefix);
        return
        [
            new HueEntertainmentSink($"hue:{options.Area}", client, credentials, entertainment, sinkLights, map, converter, budget, context.TimeProvider,
                context.LoggerFactory.CreateLogger<HueEntertainmentSink>()),
        ];
    }

    private static OutputPlan? PlanRest(OutputSection output, HueOutputOptions options, ConfigErrors errors, int before)
    {
        if (options.Lights.Count == 0)
        {
            errors.Add(output.PathOf("lights"), "mode: rest needs at least one {id, light} mapping");
        }

        if (options.Area is not null)
        {
            errors.Add(output.PathOf("area"), "applies to mode: entertainment only");
        }

        if (options.StatusIntervalSeconds is not null)
        {
            errors.Add(output.PathOf("statusIntervalSeconds"), "applies to mode: entertainment only (REST sends no stream to watch)");
        }

        if (options.RealtimeThread is not null)
        {
            errors.Add(output.PathOf("realtimeThread"), "applies to mode: entertainment only (REST has no stream thread)");
        }

        for (var i = 0; i < options.Lights.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(options.Lights[i].Light))
            {
                errors.Add(output.PathOf($"lights:{i}:light"), "must name a bulb (id, v1 id or name; 'dominant-colors hue lights' lists them)");
            }

            if (!output.ConfiguredLights.Contains(options.Lights[i].Id, StringComparer.Ordinal))
            {
                errors.Add(output.PathOf($"lights:{i}:id"), $"no light named '{options.Lights[i].Id}' in the config's lights:");
            }
        }

        var duplicate = options.Lights.GroupBy(l => l.Light, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            errors.Add(output.PathOf("lights"), $"bulb '{duplicate.Key}' is mapped more than once");
        }

        return errors.Errors.Count == before ? new OutputPlan([.. options.Lights.Select(l => l.Id)]) : null;
    }

    private static OutputPlan? PlanEntertainment(OutputSection output, HueOutputOptions options, ConfigErrors errors, int before)
    {
        if (string.IsNullOrWhiteSpace(options.Area))
        {
            errors.Add(output.PathOf("area"), "mode: entertainment needs the area's name or id ('dominant-colors hue areas' lists them)");
        }

        if (options.Lights.Count > 0)
        {
            errors.Add(output.PathOf("lights"), "applies to mode: rest only; map entertainment channels with channels: [{channel, light}]");
        }

        for (var i = 0; i < options.Channels.Count; i++)
        {
            if (options.Channels[i].Channel is < 0 or > 255)
            {
                errors.Add(output.PathOf($"channels:{i}:channel"), $"must be a channel id 0..255, got {options.Channels[i].Channel}");
            }

            if (!output.ConfiguredLights.Contains(options.Channels[i].Light, StringComparer.Ordinal))
            {
                errors.Add(output.PathOf($"channels:{i}:light"), $"no light named '{options.Channels[i].Light}' in the config's lights:");
            }
        }

        if (options.Channels.GroupBy(c => c.Channel).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            errors.Add(output.PathOf("channels"), $"channel {twice.Key} is mapped more than once");
        }

        // Each read is a REST request, and the bridge takes about 10 a second from every app together: under a
        // second would spend that budget on noticing a lost stream a little sooner.
        if (options.StatusIntervalSeconds is { } status && status != 0 && !(status >= 1 && status <= 3600))
        {
            errors.Add(output.PathOf("statusIntervalSeconds"), $"must be 0 (never read the area's status) or 1 to 3600 seconds, got {status.ToString(CultureInfo.InvariantCulture)}");
        }

        if (errors.Errors.Count != before)
        {
            return null;
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

    /// <summary>Grid light names are unique per output: <c>hue{index}:</c> from the output's position in the list.</summary>
    private static string GridPrefix(OutputSection output) => $"hue{output.Section.Key}:";
}
