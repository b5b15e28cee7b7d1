using System.Diagnostics;
using System.Text;
using DominantColors.Testing;

namespace DominantColors.Hue.Tests.Peers;

/// <summary>
/// <c>openssl s_server</c> with DTLS 1.2 and a PSK on a loopback port: an implementation we did not write. It prints
/// its handshake report and then every decrypted byte it receives to stdout, which this class collects.
/// </summary>
internal sealed class OpenSslDtlsServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly MemoryStream _output = new();
    private readonly Lock _gate = new();
    private readonly Task _reader;
    private readonly TaskCompletionSource _accepting = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ChangeSignal _grew = new();

    private OpenSslDtlsServer(Process process, int port)
    {
        _process = process;
        Port = port;
        _reader = Task.Run(ReadAsync);
    }

    public int Port { get; }

    public static async Task<OpenSslDtlsServer> StartAsync(string identity, string pskHex, CancellationToken cancellationToken)
    {
        var port = LoopbackPorts.FreeUdpPort();
        var start = new ProcessStartInfo("openssl")
        {
            RedirectStandardInput = true, // s_server exits on end of input: keep it open
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            "s_server", "-dtls1_2", "-psk", pskHex, "-psk_identity", identity, "-nocert",
            "-cipher", "PSK-AES128-GCM-SHA256", "-accept", $"127.0.0.1:{port}",
        })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("openssl did not start.");
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        var server = new OpenSslDtlsServer(process, port);
        await server._accepting.Task.WaitAsync(TimeSpan.FromSeconds(20), cancellationToken).ConfigureAwait(false);
        return server;
    }

    /// <summary>Everything s_server printed so far.</summary>
    public byte[] Output()
    {
        lock (_gate)
        {
            return _output.ToArray();
        }
    }

    /// <summary>Waits until the output satisfies <paramref name="done"/>.</summary>
    public Task WaitForAsync(Func<byte[], bool> done, TimeSpan timeout) => _grew.WaitUntilAsync(() => done(Output()), timeout);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        await _process.WaitForExitAsync().ConfigureAwait(false);
        await _reader.ConfigureAwait(false);
        _process.Dispose();
        await _output.DisposeAsync().ConfigureAwait(false);
    }

    private async Task ReadAsync()
    {
        var buffer = new byte[4096];
        var stream = _process.StandardOutput.BaseStream;
        int read;
        while ((read = await stream.ReadAsync(buffer).ConfigureAwait(false)) > 0)
        {
            lock (_gate)
            {
                _output.Write(buffer, 0, read);
                if (Encoding.ASCII.GetString(_output.GetBuffer(), 0, (int)_output.Length).Contains("ACCEPT", StringComparison.Ordinal))
                {
                    _accepting.TrySetResult();
                }
            }

            _grew.Signal();
        }

        _accepting.TrySetException(new InvalidOperationException("openssl s_server exited before accepting."));
        _grew.Signal();
    }
}
