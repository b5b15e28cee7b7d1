using System.CommandLine;
using System.Globalization;
using DominantColors.Hue.Bridge;
using DominantColors.Hue.Discovery;
using DominantColors.Hue.Sinks;
using DominantColors.Systemd;

namespace DominantColors.Cli;

/// <summary>
/// <c>dominant-colors hue discover|pair|lights|areas</c>: find a bridge, pair with it, and list what the config can
/// name. Keys are written to the credentials file only, never printed.
/// </summary>
internal static class HueCommand
{
    public static Command Create()
    {
        return new Command("hue", "Find, pair with and inspect Philips Hue bridges.")
        {
            DiscoverCommand(),
            PairCommand(),
            LightsCommand(),
            AreasCommand(),
        };
    }

    private static Option<string> CredentialsOption() => new("--credentials")
    {
        Description = $"The credentials file (default: {CredentialsFile.DefaultFileName} in the state directory).",
    };

    private static string CredentialsPath(string? given) =>
        Path.Combine(StateDirectory.FromEnvironment().Path, given ?? CredentialsFile.DefaultFileName);

    private static Command DiscoverCommand()
    {
        var seconds = new Option<double>("--timeout") { Description = "Seconds to listen for answers.", DefaultValueFactory = _ => 3 };
        var command = new Command("discover", "Look for bridges on the local network (mDNS _hue._tcp). A bridge's address always works too.") { seconds };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var bridges = await MdnsBridgeDiscovery.DiscoverAsync(TimeSpan.FromSeconds(parseResult.GetValue(seconds)), cancellationToken).ConfigureAwait(false);
            if (bridges.Count == 0)
            {
                await Console.Out.WriteLineAsync("No bridge answered. Pass its address to 'hue pair --bridge ADDRESS' (see the Hue app: Settings > Bridges).").ConfigureAwait(false);
                return ExitCodes.Success;
            }

            foreach (var bridge in bridges)
            {
                await Console.Out.WriteLineAsync($"{bridge.BridgeId ?? "(unknown id)"}  {bridge.Address}  {bridge.ModelId}").ConfigureAwait(false);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command PairCommand()
    {
        var bridgeOption = new Option<string>("--bridge") { Description = "The bridge: host or host:port.", Required = true };
        var bridgeId = new Option<string?>("--bridge-id") { Description = "Refuse any bridge but this id (from 'hue discover')." };
        var credentials = CredentialsOption();
        var command = new Command("pair", "Pair with a bridge: press its link button when asked; writes the credentials file.")
        {
            bridgeOption,
            bridgeId,
            credentials,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            if (!BridgeAddress.TryParse(parseResult.GetValue(bridgeOption), out var address))
            {
                await Console.Error.WriteLineAsync($"--bridge: '{parseResult.GetValue(bridgeOption)}' is not host or host:port.").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            var path = CredentialsPath(parseResult.GetValue(credentials));
            try
            {
                var paired = await new BridgePairing(TimeProvider.System).PairAsync(
                    address!, $"dominant-colors#{DeviceName()}", parseResult.GetValue(bridgeId),
                    (id, sha256) => Console.Out.WriteLine(
                        $"Bridge {id} at {address} (certificate SHA-256 {sha256}).{Environment.NewLine}Press the link button on the bridge; waiting up to 60 s..."),
                    BridgePairing.DefaultTimeout, cancellationToken).ConfigureAwait(false);
                await CredentialsFile.SaveAsync(path, paired, cancellationToken).ConfigureAwait(false);
                await Console.Out.WriteLineAsync($"Paired with bridge {paired.BridgeId}; certificate {paired.CertificateSha256} pinned. Credentials written to {path}.").ConfigureAwait(false);
                return ExitCodes.Success;
            }
            catch (Exception ex) when (ex is HueBridgeException or TimeoutException or IOException or UnauthorizedAccessException)
            {
                await Console.Error.WriteLineAsync($"Pairing failed: {ex.Message}").ConfigureAwait(false);
                return ExitCodes.PartialFailure;
            }
        });
        return command;
    }

    private static Command LightsCommand()
    {
        var (bridgeOption, credentials) = (new Option<string?>("--bridge") { Description = "Override the address stored at pairing." }, CredentialsOption());
        var command = new Command("lights", "List the bridge's lights (id, v1 id, gamut, name) for REST mappings.") { bridgeOption, credentials };
        command.SetAction((parseResult, cancellationToken) => WithClientAsync(parseResult.GetValue(bridgeOption), parseResult.GetValue(credentials), async client =>
        {
            foreach (var light in (await client.GetLightsAsync(cancellationToken).ConfigureAwait(false)).OrderBy(l => l.Name, StringComparer.OrdinalIgnoreCase))
            {
                await Console.Out.WriteLineAsync($"{light.Id}  v1:{light.V1Id ?? "-"}  gamut {light.GamutType}  {light.Name}").ConfigureAwait(false);
            }
        }));
        return command;
    }

    private static Command AreasCommand()
    {
        var (bridgeOption, credentials) = (new Option<string?>("--bridge") { Description = "Override the address stored at pairing." }, CredentialsOption());
        var command = new Command("areas", "List entertainment areas with their channels, positions and the screen region each follows.") { bridgeOption, credentials };
        command.SetAction((parseResult, cancellationToken) => WithClientAsync(parseResult.GetValue(bridgeOption), parseResult.GetValue(credentials), async client =>
        {
            foreach (var area in await client.GetEntertainmentAreasAsync(cancellationToken).ConfigureAwait(false))
            {
                await Console.Out.WriteLineAsync($"{area.Id}  {area.Name}  ({area.ConfigurationType}, {(area.IsActive ? "streaming" : "idle")})").ConfigureAwait(false);
                foreach (var channel in area.Channels)
                {
                    var p = channel.Position;
                    await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"  channel {channel.ChannelId}: x {p.X:0.00} y {p.Y:0.00} z {p.Z:0.00} -> {ScreenGrid.CellNames[ScreenGrid.CellOf(p)]}")).ConfigureAwait(false);
                }
            }
        }));
        return command;
    }

    private static async Task<int> WithClientAsync(string? bridge, string? credentialsPath, Func<HueBridgeClient, Task> action)
    {
        var path = CredentialsPath(credentialsPath);
        HueCredentials credentials;
        try
        {
            credentials = await CredentialsFile.LoadAsync(path, CancellationToken.None).ConfigureAwait(false);
        }
        catch (InvalidDataException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message).ConfigureAwait(false);
            return ExitCodes.Config;
        }

        if (!BridgeAddress.TryParse(bridge ?? credentials.Bridge, out var address))
        {
            await Console.Error.WriteLineAsync($"No bridge address: pass --bridge (the credentials in {path} have none).").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        using var client = new HueBridgeClient(address!, BridgeCertificatePin.ForPairedBridge(credentials), credentials.ApplicationKey);
        try
        {
            await action(client).ConfigureAwait(false);
            return ExitCodes.Success;
        }
        catch (HueBridgeException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message).ConfigureAwait(false);
            return ExitCodes.PartialFailure;
        }
    }

    /// <summary>The device half of <c>app#device</c>: the host name, at most 19 characters.</summary>
    private static string DeviceName()
    {
        var name = Environment.MachineName;
        return name.Length <= 19 ? name : name[..19];
    }
}
