using Microsoft.Extensions.Logging;

namespace DominantColors.Sources;

/// <summary>Logs of the hyperion source (event ids 1500-1549).</summary>
internal static partial class Log
{
    [LoggerMessage(1500, LogLevel.Information, "Source {Source}: listening for Hyperion FlatBuffers senders on {EndPoint}")]
    public static partial void HyperionListening(ILogger logger, string source, string endPoint);

    [LoggerMessage(1501, LogLevel.Debug, "Source {Source}: {Peer} connected")]
    public static partial void HyperionConnected(ILogger logger, string source, string peer);

    [LoggerMessage(1502, LogLevel.Warning, "Source {Source}: refused {Peer}: it is not on loopback and no allow entry covers it")]
    public static partial void HyperionRefused(ILogger logger, string source, string peer);

    [LoggerMessage(1503, LogLevel.Information, "Source {Source}: {Peer} registered as '{Origin}' with priority {Priority}")]
    public static partial void HyperionRegistered(ILogger logger, string source, string peer, string origin, int priority);

    [LoggerMessage(1504, LogLevel.Warning, "Source {Source}: {Peer} asked for priority {Priority}; FlatBuffers senders use 100 to 199, so it got an error reply")]
    public static partial void HyperionBadPriority(ILogger logger, string source, string peer, int priority);

    [LoggerMessage(1505, LogLevel.Warning, "Source {Source}: closed the connection of {Peer}: {Reason}")]
    public static partial void HyperionMalformed(ILogger logger, string source, string peer, string reason);

    [LoggerMessage(1506, LogLevel.Information, "Source {Source}: closed the connection of {Peer} ('{Origin}'): no message for {Timeout}")]
    public static partial void HyperionTimedOut(ILogger logger, string source, string peer, string origin, TimeSpan timeout);

    [LoggerMessage(1507, LogLevel.Debug, "Source {Source}: {Peer} disconnected")]
    public static partial void HyperionDisconnected(ILogger logger, string source, string peer);

    [LoggerMessage(1508, LogLevel.Warning, "Source {Source}: {Peer} sends NV12 images, which this source does not read; it got an error reply asking for RawImage (RGB24 or RGBA)")]
    public static partial void HyperionNv12(ILogger logger, string source, string peer);

    [LoggerMessage(1509, LogLevel.Warning, "Source {Source}: accepting a connection failed")]
    public static partial void HyperionAcceptFailed(ILogger logger, string source, Exception exception);

    [LoggerMessage(1510, LogLevel.Debug, "Source {Source}: the connection of {Peer} failed: {Reason}")]
    public static partial void HyperionConnectionFailed(ILogger logger, string source, string peer, string reason);
}
