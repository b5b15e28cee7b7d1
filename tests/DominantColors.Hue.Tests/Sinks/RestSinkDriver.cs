using DominantColors.Colors;
using DominantColors.Hue.Sinks;
using DominantColors.Outputs;
using Microsoft.Extensions.Time.Testing;

namespace DominantColors.Hue.Tests.Sinks;

/// <summary>
/// Runs a <see cref="HueRestSink"/> on fake time without races: the clock moves only while the sink is parked
/// (waiting for colors or for its budget), so every command reaches the fake bridge at the instant it was granted.
/// </summary>
internal sealed class RestSinkDriver : IAsyncDisposable
{
    private readonly SemaphoreSlim _parked = new(0);
    private readonly FakeTimeProvider _time;
    private readonly LightFeed _feed;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _run;
    private readonly HueRestSink _sink;
    private readonly RestCommandBudget _budget;
    private volatile StrongBox? _budgetDue; // null: parked on the feed

    public RestSinkDriver(HueRestSink sink, RestCommandBudget budget, FakeTimeProvider time)
    {
        _time = time;
        _sink = sink;
        _budget = budget;
        _feed = new LightFeed(sink.Lights);
        budget.Waiting = wait =>
        {
            _budgetDue = new StrongBox(time.GetTimestamp() + (long)(wait.TotalSeconds * time.TimestampFrequency));
            _parked.Release();
        };
        sink.Idle = () =>
        {
            _budgetDue = null;
            _parked.Release();
        };
        _run = sink.RunAsync(_feed, _stop.Token);
    }

    /// <summary>Waits for the sink's first park (it reads the bridge's lights first).</summary>
    public Task StartAsync() => ParkedAsync();

    /// <summary>Publishes colors; if the sink was waiting for them, waits until it parks again.</summary>
    public async Task PublishAsync(params Rgb24[] colors)
    {
        var wasOnFeed = _budgetDue is null;
        _feed.Publish(colors, _time.GetTimestamp());
        if (wasOnFeed)
        {
            await ParkedAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Moves the clock; each time that releases the sink's budget wait, waits until it parks again.</summary>
    public async Task AdvanceAsync(TimeSpan by)
    {
        _time.Advance(by);
        while (_budgetDue is { } due && due.Value <= _time.GetTimestamp())
        {
            await ParkedAsync().ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _run.ConfigureAwait(false);
        _budget.Waiting = null;
        _sink.Idle = null;
        _feed.Dispose();
        _stop.Dispose();
        _parked.Dispose();
    }

    private async Task ParkedAsync()
    {
        if (!await _parked.WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false))
        {
            throw new TimeoutException("The sink did not come back to waiting within 10 s.");
        }
    }

    private sealed class StrongBox(long value)
    {
        public long Value { get; } = value;
    }
}
