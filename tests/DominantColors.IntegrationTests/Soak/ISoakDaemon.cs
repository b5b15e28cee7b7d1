namespace DominantColors.IntegrationTests.Soak;

/// <summary>
/// The daemon the soak drives: the published app as its own process (what users run, measured alone), or the host
/// in the test process (the runtime's own figures, peers included).
/// </summary>
internal interface ISoakDaemon : IAsyncDisposable
{
    /// <summary>What runs and how it is measured, for the report.</summary>
    string Description { get; }

    /// <summary>The process it runs in.</summary>
    int ProcessId { get; }

    /// <summary>The config file it watches.</summary>
    string ConfigPath { get; }

    /// <summary>True while it runs and no fatal fault asked for a non-zero exit code.</summary>
    bool IsRunning { get; }

    /// <summary>Warnings and errors it logged so far.</summary>
    int Warnings { get; }

    /// <summary>Frames the analysis stage handled and dropped so far.</summary>
    Task<(long Frames, long Dropped)> ReadFramesAsync();

    /// <summary>Its memory, threads and descriptors now.</summary>
    ProcessFootprint Measure();
}
