using MQTTnet.Server;

namespace DominantColors.Mqtt.Tests.Brokers;

/// <summary>MQTTnet's own broker on a free loopback port, for tests that need a broker but not mosquitto.</summary>
internal sealed class InProcessBroker : IAsyncDisposable
{
    private readonly MqttServer _server;

    private InProcessBroker(MqttServer server, int port)
    {
        _server = server;
        Port = port;
    }

    public int Port { get; }

    public static async Task<InProcessBroker> StartAsync()
    {
        var port = FreePort.Next();
        var factory = new MqttServerFactory();
        var options = factory.CreateServerOptionsBuilder()
            .WithDefaultEndpoint()
            .WithDefaultEndpointBoundIPAddress(System.Net.IPAddress.Loopback)
            .WithDefaultEndpointPort(port)
            .Build();
        var server = factory.CreateMqttServer(options);
        await server.StartAsync();
        return new InProcessBroker(server, port);
    }

    public async ValueTask DisposeAsync()
    {
        await _server.StopAsync(new MqttServerStopOptionsBuilder().Build());
        _server.Dispose();
    }
}
