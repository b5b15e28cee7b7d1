using System.Diagnostics.Tracing;

namespace DominantColors.IntegrationTests.Soak;

/// <summary>
/// Counts the methods the JIT compiles by their type, from the runtime's own events, once <see cref="Start"/> is
/// called: code that keeps generating or recompiling methods after the warm-up shows up by name.
/// </summary>
internal sealed class JitRecorder : EventListener
{
    private const EventKeywords JitKeyword = (EventKeywords)0x10;
    private readonly Dictionary<string, int> _byType = new(StringComparer.Ordinal);
    private volatile bool _recording;
    private long _codeBytes;

    public void Start() => _recording = true;

    /// <summary>Native code bytes compiled since <see cref="Start"/> (the methods' sizes as the runtime reports them).</summary>
    public long CodeBytes => Interlocked.Read(ref _codeBytes);

    /// <summary>The types with the most methods compiled since <see cref="Start"/>.</summary>
    public IReadOnlyList<(string Type, int Methods)> Top(int count)
    {
        lock (_byType)
        {
            return [.. _byType.OrderByDescending(p => p.Value).Take(count).Select(p => (p.Key, p.Value))];
        }
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        ArgumentNullException.ThrowIfNull(eventSource);
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, JitKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (!_recording || eventData.EventName?.StartsWith("MethodLoadVerbose", StringComparison.Ordinal) != true || eventData.PayloadNames is null)
        {
            return;
        }

        var index = eventData.PayloadNames.IndexOf("MethodNamespace");
        var type = index >= 0 ? eventData.Payload?[index] as string ?? "?" : "?";
        if (type == "dynamicClass" && eventData.PayloadNames.IndexOf("MethodName") is var name and >= 0)
        {
            // Generated code: its method's name says who generates it (Regex, System.Text.Json, DI...).
            type += "." + eventData.Payload?[name];
        }

        if (eventData.PayloadNames.IndexOf("MethodSize") is var size and >= 0 && eventData.Payload?[size] is { } bytes)
        {
            Interlocked.Add(ref _codeBytes, Convert.ToInt64(bytes, System.Globalization.CultureInfo.InvariantCulture));
        }

        lock (_byType)
        {
            _byType[type] = _byType.GetValueOrDefault(type) + 1;
        }
    }
}
