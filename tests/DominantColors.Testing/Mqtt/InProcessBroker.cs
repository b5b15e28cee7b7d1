using MQTTnet.Server;

namespace DominantColors.Testing.Mqtt;

/// <summary>MQTTnet's own broker on a free loopback port, for tests that need a broker but not mosquitto.</summary>
internal sealed class InProcessBroker : IAsyncDisposable
{
    private readonly MqttServer _server;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _passwords = new();

    private InProcessBroker(MqttServer server, int port)
    {
        _server = server;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The passwords clients connected with, in order (proves credentials reached the broker).</summary>
    public IReadOnlyCollection<string> Passwords => _passwords;

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
        var broker = new InProcessBroker(server, port);
        server.ValidatingConnectionAsync += e =>
        {
            broker._passwords.Enqueue(e.Password ?? string.Empty);
            return Task.CompletedTask;
        };
        await server.StartAsync();
        return broker;
    }

    public async ValueTask DisposeAsync()
    {
        await _server.StopAsync(new MqttServerStopOptionsBuilder().Build());
        _server.Dispose();
    }
}
