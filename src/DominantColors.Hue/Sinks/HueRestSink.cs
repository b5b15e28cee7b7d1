using DominantColors.Colors;
using DominantColors.Hue.Bridge;
using DominantColors.Hue.Colors;
using DominantColors.Outputs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DominantColors.Hue.Sinks;

/// <summary>
/// <c>type: hue, mode: rest</c>: drives bulbs one command at a time through the bridge's REST API, inside the
/// bridge-wide <see cref="RestCommandBudget"/>. Lights take turns; each turn sends the latest color of that light
/// (older ones are simply skipped), only the attributes that changed, with a transition as long as the round of
/// turns, so colors glide instead of stepping. Busy answers (429, 503, v1 901) pause the whole bridge with growing
/// delays; other failures are retried with backoff.
/// </summary>
public sealed class HueRestSink : IColorSink
{
    private readonly HueBridgeClient _client;
    private readonly IReadOnlyList<HueRestLight> _mappings;
    private readonly RestCommandBudget _budget;
    private readonly XyColorConverter _converter;
    private readonly bool _restore;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Rgb24[] _colors;
    private readonly LightStateTracker[] _trackers;
    private HueLight[]? _bulbs;
    private HueLight[]? _previous;

    public HueRestSink(
        string name, HueBridgeClient client, IReadOnlyList<HueRestLight> lights, RestCommandBudget budget, XyColorConverter converter,
        bool restore, TimeProvider time, ILogger<HueRestSink>? logger = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(lights);
        ArgumentOutOfRangeException.ThrowIfZero(lights.Count);
        Name = name;
        _client = client;
        _mappings = lights;
        _budget = budget ?? throw new ArgumentNullException(nameof(budget));
        _converter = converter ?? throw new ArgumentNullException(nameof(converter));
        _restore = restore;
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? NullLogger<HueRestSink>.Instance;
        Lights = [.. lights.Select(l => l.Id)];
        _colors = new Rgb24[lights.Count];
        _trackers = [.. lights.Select(_ => new LightStateTracker())];
    }

    public string Name { get; }

    public IReadOnlyList<string> Lights { get; }

    public SinkStatus Status { get; } = new();

    /// <summary>Called when the sink waits for new colors (tests use it to know the sink is idle).</summary>
    internal Action? Idle { get; set; }

    /// <summary>How long each color change takes: one round of turns over all lights.</summary>
    internal TimeSpan Transition =>
        TimeSpan.FromMilliseconds(Math.Clamp(_budget.Interval.TotalMilliseconds * _mappings.Count, 100, 2000));

    public async Task RunAsync(LightFeed feed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(feed);
        var failures = new ReconnectBackoff(TimeSpan.FromSeconds(1), ReconnectBackoff.DefaultMax, _time)
        {
            FirstFailure = f => Log.SinkFailed(_logger, Name, f.Reason, f.Delay, f.Error!),
            Recovered = attempts => Log.SinkRecovered(_logger, Name, attempts),
        };

        // Busy answers in a row (until a command goes through) are one episode, logged once; the bridge's budget waits.
        var busy = new ReconnectBackoff(TimeSpan.FromSeconds(1), ReconnectBackoff.DefaultMax, _time)
        {
            FirstFailure = f => Log.BridgeBusy(_logger, Name, f.Reason, f.Delay),
        };
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                _bulbs ??= await ResolveAsync(cancellationToken).ConfigureAwait(false);
                Status.ReportConnected();
                await SendLoopAsync(feed, () =>
                {
                    failures.Succeed();
                    busy.Succeed();
                }, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (HueBridgeBusyException ex)
            {
                Status.ReportRefused(ex.Message);
                _budget.BackOff(busy.Fail(ex.Message, ex, ex.RetryAfter));
            }
            catch (Exception ex) when (ex is HueBridgeException or IOException or InvalidOperationException)
            {
                Status.ReportFault(ex.Message);
                var delay = failures.Fail(ex);
                foreach (var tracker in _trackers)
                {
                    tracker.Reset();
                }

                if (!await failures.WaitAsync(delay, cancellationToken).ConfigureAwait(false))
                {
                    return;
                }
            }
        }
    }

    public async Task RestoreAsync(CancellationToken cancellationToken)
    {
        if (!_restore || _previous is null || _bulbs is null)
        {
            return;
        }

        try
        {
            for (var i = 0; i < _bulbs.Length; i++)
            {
                var before = _previous[i];
                await _budget.WaitForSlotAsync(cancellationToken).ConfigureAwait(false);
                var command = before.On
                    ? new LightCommand(true, before.Brightness, before.Xy, TimeSpan.FromMilliseconds(400))
                    : new LightCommand(false, null, null, TimeSpan.FromMilliseconds(400));
                await _client.SetLightAsync(_bulbs[i].Id, command, cancellationToken).ConfigureAwait(false);
            }

            Log.Restored(_logger, Name, _bulbs.Length);
        }
        catch (Exception ex) when (ex is HueBridgeException or IOException or OperationCanceledException)
        {
            Log.RestoreFailed(_logger, Name, ex);
        }
    }

    /// <summary>Disposes the bridge client: the sink owns the one it was given (an HttpClient with its own handler).</summary>
    public ValueTask DisposeAsync()
    {
        _client.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task<HueLight[]> ResolveAsync(CancellationToken cancellationToken)
    {
        var available = await _client.GetLightsAsync(cancellationToken).ConfigureAwait(false);
        var bulbs = new HueLight[_mappings.Count];
        for (var i = 0; i < bulbs.Length; i++)
        {
            var reference = _mappings[i].Light;
            bulbs[i] = available.FirstOrDefault(l => l.Matches(reference))
                ?? throw new HueBridgeException(
                    $"Bridge {_client.Address} has no light '{reference}' (for light '{_mappings[i].Id}'); 'dominant-colors hue lights' lists them.");
        }

        _previous ??= bulbs;
        return bulbs;
    }

    // Per turn: copy the latest colors (no allocation), find the next light whose visible state would change, wait for
    // a budget slot, recompute from the colors current by then (coalescing), send.
    private async Task SendLoopAsync(LightFeed feed, Action succeeded, CancellationToken cancellationToken)
    {
        var bulbs = _bulbs!;
        var transition = Transition;
        var next = 0;
        while (true)
        {
            var seen = feed.CopyLatest(_colors, out _);
            var index = seen == 0 ? -1 : FindPending(bulbs, next, transition);
            if (index < 0)
            {
                Idle?.Invoke();
                await feed.WaitForNewerAsync(seen, cancellationToken).ConfigureAwait(false);
                continue;
            }

            await _budget.WaitForSlotAsync(cancellationToken).ConfigureAwait(false);
            feed.CopyLatest(_colors, out _);
            var command = _trackers[index].Diff(_converter.Convert(_colors[index], bulbs[index].Gamut), transition);
            next = (index + 1) % bulbs.Length;
            if (command.IsEmpty)
            {
                continue;
            }

            await _client.SetLightAsync(bulbs[index].Id, command, cancellationToken).ConfigureAwait(false);
            _trackers[index].Sent(command);
            Status.ReportConnected();
            Status.ReportSent();
            Log.LightCommandSent(_logger, Name, bulbs[index].Name, command.AttributeCount);
            succeeded();
        }
    }

    private int FindPending(HueLight[] bulbs, int start, TimeSpan transition)
    {
        for (var k = 0; k < bulbs.Length; k++)
        {
            var i = (start + k) % bulbs.Length;
            if (!_trackers[i].Diff(_converter.Convert(_colors[i], bulbs[i].Gamut), transition).IsEmpty)
            {
                return i;
            }
        }

        return -1;
    }
}
