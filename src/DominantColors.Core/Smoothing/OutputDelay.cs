using DominantColors.Colors;

namespace DominantColors.Smoothing;

/// <summary>
/// A delay line for light colors, to hold the lights back by the TV's own picture lag. A fixed ring of
/// (timestamp, colors) entries; <see cref="TryRead"/> returns the newest entry at least <see cref="Delay"/> old.
/// </summary>
/// <remarks>
/// Stage order: ... -> calibration -> smoothing -> delay -> sinks. Size the ring for the longest delay at the
/// highest frame rate (<see cref="CapacityFor"/>); if it is too small, the oldest entry kept is returned, so the
/// lights lag less than asked instead of stopping. Nothing is allocated after construction. Not thread-safe.
/// </remarks>
public sealed class OutputDelay
{
    private readonly Rgb24[] _colors;
    private readonly long[] _timestamps;
    private readonly int _lights;
    private readonly long _timestampFrequency;
    private long _delayTicks;
    private int _next;
    private int _count;

    /// <param name="lights">Colors per entry.</param>
    /// <param name="capacity">Entries kept; see <see cref="CapacityFor"/>.</param>
    /// <param name="timestampFrequency">Ticks per second of the timestamps written and read.</param>
    public OutputDelay(int lights, int capacity, long timestampFrequency)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(lights);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(timestampFrequency);
        _lights = lights;
        _timestampFrequency = timestampFrequency;
        _colors = new Rgb24[checked(lights * capacity)];
        _timestamps = new long[capacity];
    }

    public int Lights => _lights;

    public int Capacity => _timestamps.Length;

    /// <summary>How far the output lags the input; zero passes the newest entry through. Can change live.</summary>
    public TimeSpan Delay
    {
        get => TimeSpan.FromSeconds((double)_delayTicks / _timestampFrequency);
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
            _delayTicks = (long)(value.TotalSeconds * _timestampFrequency);
        }
    }

    /// <summary>Entries needed to hold <paramref name="maxDelay"/> at <paramref name="maxFramesPerSecond"/>, plus slack.</summary>
    public static int CapacityFor(TimeSpan maxDelay, double maxFramesPerSecond)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDelay, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxFramesPerSecond);
        return checked((int)Math.Ceiling(maxDelay.TotalSeconds * maxFramesPerSecond) + 2);
    }

    /// <summary>Adds the colors of one frame; when full, the oldest entry is overwritten.</summary>
    public void Write(ReadOnlySpan<Rgb24> colors, long timestamp)
    {
        if (colors.Length != _lights)
        {
            throw new ArgumentException($"Expected {_lights} colors, got {colors.Length}.", nameof(colors));
        }

        colors.CopyTo(_colors.AsSpan(_next * _lights, _lights));
        _timestamps[_next] = timestamp;
        _next = (_next + 1) % _timestamps.Length;
        _count = Math.Min(_count + 1, _timestamps.Length);
    }

    /// <summary>
    /// Copies the newest entry written at or before <paramref name="now"/> minus <see cref="Delay"/> into
    /// <paramref name="output"/>. False when nothing is that old yet (and the ring is not full).
    /// </summary>
    public bool TryRead(long now, Span<Rgb24> output, out long timestamp)
    {
        if (output.Length != _lights)
        {
            throw new ArgumentException($"Expected room for {_lights} colors, got {output.Length}.", nameof(output));
        }

        timestamp = 0;
        if (_count == 0)
        {
            return false;
        }

        var due = now - _delayTicks;
        var capacity = _timestamps.Length;

        // Newest first: the first entry old enough is the newest one that is.
        for (var age = 1; age <= _count; age++)
        {
            var slot = (_next - age + capacity) % capacity;
            if (_timestamps[slot] <= due || (age == capacity))
            {
                return Copy(slot, output, out timestamp);
            }
        }

        return false;
    }

    /// <summary>Drops every entry (a new source, or the lights were off).</summary>
    public void Clear()
    {
        _count = 0;
        _next = 0;
    }

    private bool Copy(int slot, Span<Rgb24> output, out long timestamp)
    {
        _colors.AsSpan(slot * _lights, _lights).CopyTo(output);
        timestamp = _timestamps[slot];
        return true;
    }
}
