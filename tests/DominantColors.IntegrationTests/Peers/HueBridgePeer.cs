using DominantColors.Hue.Bridge;
using DominantColors.Testing.Hue;

namespace DominantColors.IntegrationTests.Peers;

/// <summary>Writes the credentials <c>hue pair</c> would write for <paramref name="bridge"/>, and the daemon's hue output sections.</summary>
internal static class HueBridgePeer
{
    public const string CredentialsName = "hue-credentials.json";

    public static Task WriteCredentialsAsync(FakeHueBridge bridge, string stateDirectory) =>
        CredentialsFile.SaveAsync(Path.Combine(stateDirectory, CredentialsName), bridge.Credentials, CancellationToken.None);

    /// <summary>An entertainment output streaming the fake bridge's area at <paramref name="rate"/> Hz.</summary>
    public static string EntertainmentOutput(FakeHueBridge bridge, int rate = 50) => $"""
          - type: hue
            bridge: {bridge.Address}
            credentials: {CredentialsName}
            mode: entertainment
            area: {bridge.Areas[0].Name}
            streamingPort: {bridge.Entertainment.Port}
            rate: {rate}
            restore: false
        """;

    /// <summary>A REST output driving the bridge's first light from pipeline light <paramref name="light"/>.</summary>
    public static string RestOutput(FakeHueBridge bridge, string light) => $"""
          - type: hue
            bridge: {bridge.Address}
            credentials: {CredentialsName}
            mode: rest
            lights:
              - id: {bridge.Lights[0].Name}
                light: {light}
            restore: false
        """;
}
