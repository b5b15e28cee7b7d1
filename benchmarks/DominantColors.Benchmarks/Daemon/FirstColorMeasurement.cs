using System.Globalization;
using System.Net;
using System.Net.Sockets;
using DominantColors.Testing.Hue;
using DominantColors.Testing.Mqtt;

namespace DominantColors.Benchmarks.Daemon;

/// <summary>
/// Time from starting the published daemon to the first color at a real receiver on loopback, per output type: a UDP
/// socket for WLED, mosquitto for MQTT presets (a WLED device whose state is retained, one with nothing retained, and
/// a Zigbee2MQTT light that never answers its state request),
/// the fake Hue bridge for Hue REST and for Hue Entertainment (after its DTLS handshake), and stdout for the console.
/// The source is the pattern at 30 frames/s, so what is measured is start-up plus each output's own way to its device.
/// Run with <c>daemon-measure first-color PUBLISHED_DIR [runs]</c>.
/// </summary>
internal static class FirstColorMeasurement
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    private static readonly string[] Outputs = ["console", "wled", "mqtt, state retained", "mqtt, no state", "mqtt, state asked, no answer", "hue rest", "hue entertainment"];

    public static async Task RunAsync(string published, string directory, int runs)
    {
        foreach (var output in Outputs)
        {
            var times = new List<double>();
            for (var i = 0; i < runs; i++)
            {
                times.Add((await MeasureAsync(output, published, directory).ConfigureAwait(false)).TotalMilliseconds);
            }

            times.Sort();
            Console.WriteLine(
                $"first color after process start, {output}: median {times[times.Count / 2]:F0} ms, min {times[0]:F0}, max {times[^1]:F0} " +
                $"({runs} runs: {string.Join(' ', times.Select(t => t.ToString("F0", CultureInfo.InvariantCulture)))}); load {DaemonMeasurement.Load()}");
        }
    }

    private static async Task<TimeSpan> MeasureAsync(string output, string published, string directory)
    {
        switch (output)
        {
            case "console":
            {
                await using var daemon = await DaemonProcess.StartAsync(published, directory, "console", Config("""
                      - type: console
                        lights: [tv]
                        rate: 30
                    """)).ConfigureAwait(false);
                return (await daemon.FirstColorAsync().ConfigureAwait(false)).Wall;
            }

            case "wled":
            {
                using var receiver = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                receiver.Bind(new IPEndPoint(IPAddress.Loopback, 0));
                var port = ((IPEndPoint)receiver.LocalEndPoint!).Port;
                await using var daemon = await DaemonProcess.StartAsync(published, directory, "wled", Config($"""
                      - type: wled
                        host: 127.0.0.1
                        port: {port}
                        protocol: drgb
                        lights: [tv]
                        ledCount: 3
                        jsonApi: false
                    """)).ConfigureAwait(false);
                await receiver.ReceiveAsync(new byte[1500]).WaitAsync(Guard).ConfigureAwait(false);
                return daemon.Elapsed;
            }

            case "mqtt, state retained":
            case "mqtt, no state":
            case "mqtt, state asked, no answer":
            {
                await using var broker = await MosquittoBroker.StartAsync().ConfigureAwait(false);
                await using var subscriber = await RecordingSubscriber.ConnectAsync(broker.Port, "bench/#").ConfigureAwait(false);
                if (output.EndsWith("retained", StringComparison.Ordinal))
                {
                    // What WLED publishes with "Retain brightness and color messages" on (WLED's mqtt.cpp: <topic>/c and /g).
                    await subscriber.PublishAsync("bench/tv/c", "#FF8000", retain: true).ConfigureAwait(false);
                    await subscriber.PublishAsync("bench/tv/g", "128", retain: true).ConfigureAwait(false);
                }

                subscriber.Drain();

                // WLED has no state request, so only a retained state is waited for; Zigbee2MQTT is asked (<topic>/get).
                var (preset, colorTopic) = output.EndsWith("no answer", StringComparison.Ordinal) ? ("zigbee2mqtt", "bench/tv/set") : ("wled", "bench/tv/col");
                await using var daemon = await DaemonProcess.StartAsync(published, directory, "mqtt", Config($$"""
                      - type: mqtt
                        broker: 127.0.0.1
                        port: {{broker.Port}}
                        preset: {{preset}}
                        topic: bench/{light}
                        lights: [tv]
                    """)).ConfigureAwait(false);
                await subscriber.NextMatchingAsync(m => m.Topic == colorTopic && !m.Retain, Guard).ConfigureAwait(false);
                return daemon.Elapsed;
            }

            case "hue rest":
            case "hue entertainment":
            {
                await using var bridge = new FakeHueBridge();
                await DominantColors.Hue.Bridge.CredentialsFile.SaveAsync(Path.Combine(directory, "hue-credentials.json"), bridge.Credentials, CancellationToken.None).ConfigureAwait(false);
                var rest = output.EndsWith("rest", StringComparison.Ordinal);
                await using var daemon = await DaemonProcess.StartAsync(published, directory, "hue", Config(rest
                    ? $"""
                          - type: hue
                            bridge: {bridge.Address}
                            credentials: hue-credentials.json
                            mode: rest
                            lights:
                              - light: tv
                                id: {bridge.Lights[0].Name}
                            restore: false
                        """
                    : $"""
                          - type: hue
                            bridge: {bridge.Address}
                            credentials: hue-credentials.json
                            mode: entertainment
                            area: {bridge.Areas[0].Name}
                            streamingPort: {bridge.Entertainment.Port}
                            restore: false
                        """)).ConfigureAwait(false);
                if (rest)
                {
                    await bridge.WaitForLightCommandsAsync(1, Guard).ConfigureAwait(false);
                }
                else
                {
                    await bridge.Entertainment.WaitUntilAsync(e => e.FrameCount > 0, Guard).ConfigureAwait(false);
                }

                return daemon.Elapsed;
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(output), output, "No such output.");
        }
    }

    /// <summary>The pattern source at 30 frames/s, one light, no smoothing, and <paramref name="output"/> as the only output.</summary>
    private static string Config(string output) => $"""
        source:
          type: pattern
          fps: 30
          periodSeconds: 12
        smoothing:
          intensity: none
        lights:
          - name: tv
        outputs:
        {output}
        web:
          enabled: false
        """;
}
