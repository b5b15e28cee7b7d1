using System.Diagnostics;
using System.Text.Json;
using System.Threading.Channels;

namespace DominantColors.Leds.Tests.Fakes;

/// <summary>
/// Runs one of the node scripts in <c>Peers/</c> (an independent receiver built on a published npm package) and hands
/// the test each JSON line it prints. Its packages come from <c>npm ci</c> in that folder (.ci/test runs it); without
/// them the test fails with what to run, rather than passing untested.
/// </summary>
internal sealed class NodePeer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Channel<JsonElement> _lines = Channel.CreateUnbounded<JsonElement>();
    private readonly List<string> _errors = [];

    private NodePeer(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not { Length: > 0 } line)
            {
                return;
            }

            if (line.StartsWith('{'))
            {
                _lines.Writer.TryWrite(JsonDocument.Parse(line).RootElement.Clone());
            }
            else
            {
                // The package's own log lines (dmxnet logs to stdout) are kept for the timeout message.
                lock (_errors)
                {
                    _errors.Add(line);
                }
            }
        };
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { Length: > 0 } line)
            {
                lock (_errors)
                {
                    _errors.Add(line);
                }
            }
        };
    }

    public static async Task<NodePeer> StartAsync(string script, params string[] arguments)
    {
        var peers = PeersDirectory();
        if (!Directory.Exists(Path.Combine(peers, "node_modules")))
        {
            throw new InvalidOperationException($"The test peers' npm packages are missing: run 'npm ci' in {peers} (.ci/test does).");
        }

        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = peers,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var peer = new NodePeer(Process.Start(start)!);
        peer._process.BeginOutputReadLine();
        peer._process.BeginErrorReadLine();
        var ready = await peer.NextAsync();
        Assert.True(ready.TryGetProperty("ready", out _), $"expected ready, got {ready}");
        return peer;
    }

    /// <summary>The next line the peer printed; an <c>error</c> line fails the test.</summary>
    public async Task<JsonElement> NextAsync()
    {
        JsonElement line;
        try
        {
            line = await _lines.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(15));
        }
        catch (TimeoutException)
        {
            lock (_errors)
            {
                throw new TimeoutException($"The peer printed nothing for 15 s. Its other output: {string.Join('\n', _errors)}");
            }
        }

        if (line.TryGetProperty("error", out var error))
        {
            Assert.Fail($"The peer reported: {error}");
        }

        return line;
    }

    public async ValueTask DisposeAsync()
    {
        _process.StandardInput.Close();
        if (!_process.WaitForExit(5000))
        {
            _process.Kill();
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private static string PeersDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "DominantColors.sln")))
            {
                return Path.Combine(directory.FullName, "tests", "DominantColors.Leds.Tests", "Peers");
            }
        }

        throw new DirectoryNotFoundException($"No folder holding DominantColors.sln above {AppContext.BaseDirectory}.");
    }
}
