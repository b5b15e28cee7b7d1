namespace DominantColors.Mqtt.Connection;

/// <summary>Where and as whom to connect: the keys every MQTT client of the daemon shares.</summary>
public sealed class MqttConnectionOptions
{
    /// <summary><c>broker</c>: host name or address.</summary>
    public string Broker { get; set; } = string.Empty;

    /// <summary><c>port</c>; 0 picks 1883, or 8883 with TLS.</summary>
    public int Port { get; set; }

    /// <summary><c>username</c>.</summary>
    public string? Username { get; set; }

    /// <summary><c>password</c>; prefer <see cref="PasswordFile"/> so the YAML holds no secret.</summary>
    public string? Password { get; set; }

    /// <summary><c>passwordFile</c>: a file whose first line is the password.</summary>
    public string? PasswordFile { get; set; }

    /// <summary><c>clientId</c>; must be unique on the broker. Left empty, one is made from the host and the output.</summary>
    public string? ClientId { get; set; }

    /// <summary><c>tls</c>.</summary>
    public MqttTlsOptions? Tls { get; set; }

    public int EffectivePort => Port != 0 ? Port : Tls?.IsActive == true ? 8883 : 1883;

    public IEnumerable<OptionError> Validate()
    {
        if (string.IsNullOrWhiteSpace(Broker))
        {
            yield return new("broker", "is required (host name or address of the MQTT broker)");
        }

        if (Port is < 0 or > 65535)
        {
            yield return new("port", $"{Port} is not a TCP port (1-65535)");
        }

        if (Password is not null && PasswordFile is not null)
        {
            yield return new("passwordFile", "give either password or passwordFile, not both");
        }

        if ((Password is not null || PasswordFile is not null) && Username is null)
        {
            yield return new("username", "a password needs a username");
        }

        if (ClientId is not null && (ClientId.Length == 0 || ClientId.Length > 65535))
        {
            yield return new("clientId", "must be 1-65535 characters");
        }

        if (Tls is not null)
        {
            foreach (var error in Tls.Validate("tls:"))
            {
                yield return error;
            }
        }
    }

    /// <summary>Problems only the disk can show (missing password or certificate files), for when the output is built.</summary>
    public IEnumerable<OptionError> CheckFiles()
    {
        if (PasswordFile is not null && !File.Exists(PasswordFile))
        {
            yield return new("passwordFile", $"file '{PasswordFile}' does not exist");
        }

        if (Tls is not null)
        {
            foreach (var error in Tls.CheckFiles("tls:"))
            {
                yield return error;
            }
        }
    }

    /// <summary>The password from <see cref="Password"/> or the first line of <see cref="PasswordFile"/>.</summary>
    public string? ReadPassword()
    {
        if (PasswordFile is null)
        {
            return Password;
        }

        using var reader = new StreamReader(PasswordFile);
        return reader.ReadLine()?.TrimEnd('\r') ?? string.Empty;
    }
}
