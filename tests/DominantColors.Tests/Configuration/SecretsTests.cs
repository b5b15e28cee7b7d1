using DominantColors.Cli;
using DominantColors.Hue;
using DominantColors.Hue.Bridge;
using DominantColors.Outputs;
using DominantColors.Testing.Daemon;
using DominantColors.Testing.Mqtt;
using Microsoft.Extensions.DependencyInjection;

namespace DominantColors.Tests.Configuration;

/// <summary>
/// Secrets in the config (web.token, MQTT and Home Assistant passwords) and in the Hue credentials file (application
/// key, client key) never reach the output of <c>config check</c> or the daemon's logs, at any level.
/// </summary>
public sealed class SecretsTests : IDisposable
{
    private const string WebToken = "web-token-5ecret-0123456789";
    private const string MqttPassword = "mqtt-pa55word-secret";
    private const string HomeAssistantPassword = "ha-pa55word-secret";
    private const string ApplicationKey = "hue-app1icationkey-secret-000000000000";
    private const string ClientKey = "0123456789abcdef0123456789abcdef";

    private static readonly string[] Secrets = [WebToken, MqttPassword, HomeAssistantPassword, ApplicationKey, ClientKey];

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("dominant-colors-secrets-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public async Task CheckAsync_ConfigWithEverySecret_ShowsTheKeysRedacted()
    {
        var path = Path.Combine(_directory.FullName, "config.yaml");
        await File.WriteAllTextAsync(path, Config(1883, Path.Combine(_directory.FullName, "hue-credentials.json")));
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await ConfigCommand.CheckAsync(path, output, error, services => services.AddSingleton<IColorSinkFactory>(new TestSinkFactory()));

        Assert.True(exitCode == ExitCodes.Success, error.ToString());
        var text = output.ToString();
        Assert.Contains("  web.token: ***", text, StringComparison.Ordinal);
        Assert.Contains("  outputs[1].password: ***", text, StringComparison.Ordinal);
        Assert.Contains("  homeassistant.password: ***", text, StringComparison.Ordinal);
        Assert.Contains("  outputs[1].username: ambient", text, StringComparison.Ordinal);
        Assert.All(Secrets, secret => Assert.DoesNotContain(secret, text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_WithPasswordsTokenAndHueCredentials_NoSecretInAnyLogLine()
    {
        await using var broker = await InProcessBroker.StartAsync();
        var credentials = Path.Combine(_directory.FullName, "hue-credentials.json");
        await CredentialsFile.SaveAsync(credentials, new HueCredentials
        {
            BridgeId = "001788fffe4a5b6c",
            Bridge = "127.0.0.1:1",
            ApplicationKey = ApplicationKey,
            ClientKey = ClientKey,
            CertificateSha256 = new string('a', 64),
        }, CancellationToken.None);

        await using (var daemon = DaemonHarness.Start(Config(broker.Port, credentials), Directory.CreateDirectory(Path.Combine(_directory.FullName, "run")).FullName))
        {
            await daemon.WaitStartedAsync();
            // Stop once both MQTT clients have logged in and the Hue output has failed against its unreachable bridge
            // (the error paths are where secrets tend to leak). Both are real socket work, so this waits in real time.
            await daemon.StepUntilAsync(
                () => broker.Passwords.Count >= 2 && daemon.Logs.Records.Any(r => r.EventId == HueEventIds.SinkFailed),
                "both MQTT logins and the Hue output's first failure");

            Assert.Contains(daemon.Logs.Records, r => r.EventId == HueEventIds.SinkFailed);
            Assert.Contains(MqttPassword, broker.Passwords);
            Assert.Contains(HomeAssistantPassword, broker.Passwords);
            var logged = daemon.Logs.Records
                .Select(r => $"{r.Message} {r.Exception} {string.Join(' ', r.State.Select(p => p.Value))}")
                .ToList();
            Assert.NotEmpty(logged);
            foreach (var secret in Secrets)
            {
                Assert.DoesNotContain(logged, line => line.Contains(secret, StringComparison.Ordinal));
            }
        }
    }

    private static string Config(int mqttPort, string credentials) => $"""
        source:
          type: pattern
        lights:
          - name: tv
        outputs:
          - type: test
            lights: [tv]
          - type: mqtt
            broker: 127.0.0.1
            port: {mqttPort}
            username: ambient
            password: {MqttPassword}
            preset: wled
            topic: wled/tv
            lights: [tv]
          - type: hue
            bridge: 127.0.0.1:1
            credentials: {credentials}
            mode: rest
            lights:
              - id: "1"
                light: tv
        homeassistant:
          enabled: true
          broker: 127.0.0.1
          port: {mqttPort}
          username: ha
          password: {HomeAssistantPassword}
          nodeId: tv_ambi
        web:
          enabled: true
          address: 127.0.0.1
          port: 0
          token: {WebToken}
        """;
}
