namespace DominantColors.Mqtt.Connection;

/// <summary>
/// TLS to the broker (YAML section <c>tls</c>). With <see cref="CaFile"/> the broker's certificate must chain to that
/// CA and nothing else; without it the system trust store decides. A client certificate is optional.
/// </summary>
internal sealed class MqttTlsOptions
{
    /// <summary><c>tls.enabled</c>; a <c>tls</c> section with any file set enables TLS as well.</summary>
    public bool Enabled { get; set; }

    /// <summary><c>tls.ca_file</c>: PEM file with the CA certificate(s) that signed the broker's certificate.</summary>
    public string? CaFile { get; set; }

    /// <summary><c>tls.cert_file</c>: PEM client certificate.</summary>
    public string? CertFile { get; set; }

    /// <summary><c>tls.key_file</c>: PEM private key of the client certificate.</summary>
    public string? KeyFile { get; set; }

    /// <summary>The host name the broker's certificate must carry; defaults to the broker address.</summary>
    public string? ServerName { get; set; }

    public bool IsActive => Enabled || CaFile is not null || CertFile is not null;

    public IEnumerable<string> Validate(string path)
    {
        if (CaFile is not null && !File.Exists(CaFile))
        {
            yield return $"{path}.ca_file: file '{CaFile}' does not exist";
        }

        if ((CertFile is null) != (KeyFile is null))
        {
            yield return $"{path}.{(CertFile is null ? "cert_file" : "key_file")}: a client certificate needs both cert_file and key_file";
        }

        if (CertFile is not null && !File.Exists(CertFile))
        {
            yield return $"{path}.cert_file: file '{CertFile}' does not exist";
        }

        if (KeyFile is not null && !File.Exists(KeyFile))
        {
            yield return $"{path}.key_file: file '{KeyFile}' does not exist";
        }
    }
}
