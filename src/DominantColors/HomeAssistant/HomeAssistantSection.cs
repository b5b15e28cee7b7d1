using System.ComponentModel.DataAnnotations;
using DominantColors.Configuration;
using DominantColors.Mqtt.Connection;
using DominantColors.Mqtt.HomeAssistant;

namespace DominantColors.HomeAssistant;

/// <summary>
/// The <c>homeassistant:</c> section: the broker Home Assistant listens on and how the daemon appears there, e.g.
/// <c>{enabled: true, broker: 127.0.0.1, username: ambient, passwordFile: /etc/dominant-colors/mqtt.pass}</c>.
/// Read at start; a change needs a restart.
/// </summary>
internal sealed class HomeAssistantSection : IConfigSection, IValidatableObject
{
    public static string SectionName => "homeassistant";

    /// <summary>The bridge's options, gathered from the keys below (not a YAML key: it has no setter).</summary>
    public HomeAssistantOptions Bridge { get; } = new();

    /// <summary><c>enabled</c>: off by default, so a config without a broker stays valid.</summary>
    public bool Enabled { get; set; }

    /// <summary><c>broker</c>: host name or address.</summary>
    public string Broker { get => Bridge.Connection.Broker; set => Bridge.Connection.Broker = value; }

    /// <summary><c>port</c>; 0 picks 1883, or 8883 with TLS.</summary>
    public int Port { get => Bridge.Connection.Port; set => Bridge.Connection.Port = value; }

    /// <summary><c>username</c>.</summary>
    public string? Username { get => Bridge.Connection.Username; set => Bridge.Connection.Username = value; }

    /// <summary><c>password</c>; prefer <c>passwordFile</c>.</summary>
    public string? Password { get => Bridge.Connection.Password; set => Bridge.Connection.Password = value; }

    /// <summary><c>passwordFile</c>: a file whose first line is the password.</summary>
    public string? PasswordFile { get => Bridge.Connection.PasswordFile; set => Bridge.Connection.PasswordFile = value; }

    /// <summary><c>clientId</c>; left empty, a unique one is made.</summary>
    public string? ClientId { get => Bridge.Connection.ClientId; set => Bridge.Connection.ClientId = value; }

    /// <summary><c>tls</c>: <c>enabled</c>, <c>caFile</c>, <c>certFile</c>, <c>keyFile</c>, <c>serverName</c>.</summary>
    public MqttTlsOptions? Tls { get => Bridge.Connection.Tls; set => Bridge.Connection.Tls = value; }

    /// <summary><c>discoveryPrefix</c>: Home Assistant's discovery prefix.</summary>
    public string DiscoveryPrefix { get => Bridge.DiscoveryPrefix; set => Bridge.DiscoveryPrefix = value; }

    /// <summary><c>nodeId</c>: the device id in Home Assistant; also names the daemon's topics.</summary>
    public string NodeId { get => Bridge.NodeId; set => Bridge.NodeId = value; }

    /// <summary><c>deviceName</c>: the device's name in Home Assistant.</summary>
    public string DeviceName { get => Bridge.DeviceName; set => Bridge.DeviceName = value; }

    /// <summary><c>reportInterval</c>: seconds between frame-rate and dominant-color reports.</summary>
    [Range(1.0, 3600.0)]
    public double ReportInterval { get; set; } = 5;

    /// <summary>
    /// Problems beyond single values (broker required when enabled, names, TLS files), each with its key relative to the
    /// section; none while disabled.
    /// </summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        Enabled ? Bridge.Validate().Select(e => new ValidationResult(e.Message, [e.Key])) : [];
}
