using System.Text.Json;

namespace DominantColors.Hue.Bridge;

/// <summary>
/// Reads and writes the paired-bridge file. Writes go to a temporary file created with mode 0600 in the same
/// directory, flushed to disk, and renamed over the old one, so a crash leaves the old file or the new one, never half
/// a file or a readable secret. A state directory that does not exist yet is created with mode 0700.
/// </summary>
public static class CredentialsFile
{
    /// <summary>The file name under the daemon's state directory (see the app's <c>StateDirectory</c>).</summary>
    public const string DefaultFileName = "hue-credentials.json";

    public static async Task SaveAsync(string path, HueCredentials credentials, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(credentials);
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full)!;
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
        }
        else
        {
            Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var temporary = Path.Combine(directory, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            Share = FileShare.None,
            Options = FileOptions.WriteThrough,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            var stream = new FileStream(temporary, options);
            await using (stream.ConfigureAwait(false))
            {
                await using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
                writer.WriteStartObject();
                writer.WriteString("bridgeId", credentials.BridgeId);
                if (credentials.Bridge is not null)
                {
                    writer.WriteString("bridge", credentials.Bridge);
                }

                writer.WriteString("applicationKey", credentials.ApplicationKey);
                writer.WriteString("clientKey", credentials.ClientKey);
                if (credentials.ApplicationId is not null)
                {
                    writer.WriteString("applicationId", credentials.ApplicationId);
                }

                writer.WriteString("certificateSha256", credentials.CertificateSha256);
                writer.WriteEndObject();
                await writer.FlushAsync(cancellationToken).ConfigureAwait(false);

                // fsync before the rename: otherwise a power cut can leave the new name on an empty file.
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, full, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    /// <summary>Reads the file; errors name the path and the missing or bad field.</summary>
    public static async Task<HueCredentials> LoadAsync(string path, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Unreadable(path, ex);
        }

        return Parse(bytes, path);
    }

    /// <summary>Reads the file synchronously (for start-up code that cannot await); errors as <see cref="LoadAsync"/>.</summary>
    public static HueCredentials Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        try
        {
            return Parse(File.ReadAllBytes(path), path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Unreadable(path, ex);
        }
    }

    private static InvalidDataException Unreadable(string path, Exception ex) =>
        new($"Cannot read Hue credentials '{path}': {ex.Message} Pair first with 'dominant-colors hue pair'.", ex);

    private static HueCredentials Parse(byte[] bytes, string path)
    {
        try
        {
            using var document = JsonDocument.Parse(bytes);
            var root = document.RootElement;
            var credentials = new HueCredentials
            {
                BridgeId = Required(root, "bridgeId", path),
                Bridge = Optional(root, "bridge"),
                ApplicationKey = Required(root, "applicationKey", path),
                ClientKey = Required(root, "clientKey", path),
                ApplicationId = Optional(root, "applicationId"),
                CertificateSha256 = Required(root, "certificateSha256", path),
            };
            if (credentials.ClientKey.Length != 32 || !IsHex(credentials.ClientKey))
            {
                throw new InvalidDataException($"Hue credentials '{path}': clientKey must be 32 hex digits.");
            }

            if (credentials.CertificateSha256.Length != 64 || !IsHex(credentials.CertificateSha256))
            {
                throw new InvalidDataException($"Hue credentials '{path}': certificateSha256 must be 64 hex digits.");
            }

            return credentials;
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"Hue credentials '{path}' are not valid JSON: {ex.Message}", ex);
        }
    }

    private static string Required(JsonElement root, string name, string path) =>
        Optional(root, name) ?? throw new InvalidDataException($"Hue credentials '{path}' have no '{name}'.");

    private static string? Optional(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            && !string.IsNullOrEmpty(value.GetString())
            ? value.GetString()
            : null;

    private static bool IsHex(string text) => text.All(Uri.IsHexDigit);
}
