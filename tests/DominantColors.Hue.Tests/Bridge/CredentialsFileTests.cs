using System.Runtime.Versioning;
using DominantColors.Hue.Bridge;

namespace DominantColors.Hue.Tests.Bridge;

public sealed class CredentialsFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("hue-credentials-").FullName;

    [Fact]
    public async Task SaveAsync_ThenLoad_RoundTripsWithOwnerOnlyMode()
    {
        var path = Path.Combine(_directory, "nested", "hue.json");
        var credentials = Sample();

        await CredentialsFile.SaveAsync(path, credentials, CancellationToken.None);
        var loaded = await CredentialsFile.LoadAsync(path, CancellationToken.None);

        Assert.True(OperatingSystem.IsWindows() || File.GetUnixFileMode(path) == (UnixFileMode.UserRead | UnixFileMode.UserWrite));
        Assert.Equal(credentials.ApplicationKey, loaded.ApplicationKey);
        Assert.Equal(credentials.ClientKey, loaded.ClientKey);
        Assert.Equal(credentials.ApplicationId, loaded.ApplicationId);
        Assert.Equal(credentials.CertificateSha256, loaded.CertificateSha256);
        Assert.Equal(["hue.json"], Directory.GetFiles(Path.GetDirectoryName(path)!).Select(Path.GetFileName));
    }

    [Fact]
    public async Task SaveAsync_OverExistingFile_ReplacesIt()
    {
        var path = Path.Combine(_directory, "hue.json");
        await File.WriteAllTextAsync(path, "old");

        await CredentialsFile.SaveAsync(path, Sample(), CancellationToken.None);

        Assert.Equal(Sample().BridgeId, (await CredentialsFile.LoadAsync(path, CancellationToken.None)).BridgeId);
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task SaveAsync_OverWorldReadableFile_LeavesOnlyAnOwnerOnlyFile()
    {
        var path = Path.Combine(_directory, "hue.json");
        await File.WriteAllTextAsync(path, "old");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        await CredentialsFile.SaveAsync(path, Sample(), CancellationToken.None);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.Equal(["hue.json"], Directory.GetFiles(_directory).Select(Path.GetFileName));
        Assert.Equal(Sample().ClientKey, (await CredentialsFile.LoadAsync(path, CancellationToken.None)).ClientKey);
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task SaveAsync_StateDirectoryMissing_CreatesItOwnerOnly()
    {
        var state = Path.Combine(_directory, "state", "dominant-colors");

        await CredentialsFile.SaveAsync(Path.Combine(state, "hue.json"), Sample(), CancellationToken.None);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(state));
    }

    [Fact]
    public async Task LoadAsync_MissingClientKey_NamesFieldAndPath()
    {
        var path = Path.Combine(_directory, "bad.json");
        await File.WriteAllTextAsync(path, """{"bridgeId":"001788fffe4a5b6c","applicationKey":"k","certificateSha256":"00"}""");

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => CredentialsFile.LoadAsync(path, CancellationToken.None));

        Assert.Contains("clientKey", error.Message, StringComparison.Ordinal);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_NeverShowsSecrets()
    {
        var text = Sample().ToString();

        Assert.DoesNotContain(Sample().ApplicationKey, text, StringComparison.Ordinal);
        Assert.DoesNotContain(Sample().ClientKey, text, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static HueCredentials Sample() => new()
    {
        BridgeId = "001788fffe4a5b6c",
        Bridge = "192.168.1.20",
        ApplicationKey = "Zq1b9tEr3mWn5xKcVy7uPa2sDf4gHj6kLo8iU0yT",
        ClientKey = "5f2e9a1c7b3d8e4f6a0b2c9d1e7f3a5b",
        ApplicationId = "8a1d6b7c-2f3e-4d5c-9b8a-7f6e5d4c3b2a",
        CertificateSha256 = new string('c', 64),
    };
}
