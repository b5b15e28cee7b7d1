namespace DominantColors.Mqtt.Connection;

/// <summary>
/// TLS to the broker (YAML section <c>tls</c>). With <see cref="CaFile"/> the broker's certificate must chain to that
/// CA and nothing else; without it the system trust store decides. A client certificate is optional.
/// </summary>
public sealed class MqttTlsOptions
{
    /// <summary><c>tls: enabled</c>; a <c>tls</c> section with any file set enables TLS as well.</summary>
    public bool Enabled { get; set; }

    /// <summary><c>caFile</c>: PEM file with the CA certificate(s) that signed the broker's certificate.</summary>
    public string? CaFile { get; set; }

    /// <summary><c>certFile</c>: PEM client certificate.</summary>
    public string? CertFile { get; set; }

    /// <summary><c>keyFile</c>: PEM private key of the client certificate.</summary>
    public string? KeyFile { get; set; }

    /// <summary>The host name the broker's certificate must carry; defaults to the broker address.</summary>
    public string? ServerName { get; set; }

    public bool IsActive => Enabled || CaFile is not null || CertFile is not null;

    public IEnumerable<OptionError> Validate(string prefix)
    {
        if ((CertFile is null) != (KeyFile is null))
        {
            yield return new($"{prefix}{(CertFile is null ? "certFile" : "keyFile")}", "a client certificate needs both certFile and keyFile");
        }
    }

    /// <summary>Problems only the disk can show (missing files), for when the output is built.</summary>
    public IEnumerable<OptionError> CheckFiles(string prefix)
    {
        foreach (var (key, file) in new[] { ("caFile", CaFile), ("certFile", CertFile), ("keyFile", KeyFile) })
        {
            if (file is not null && !File.Exists(file))
            {
                yield return new($"{prefix}{key}", $"file '{file}' does not exist");
            }
        }
    }
}
