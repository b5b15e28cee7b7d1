using Microsoft.Extensions.Logging;

namespace DominantColors.Sources;

/// <summary>Logs of the hyperion source (event ids 1500-1549).</summary>
internal static partial class Log
{
    [LoggerMessage(SourceEventIds.HyperionListening, LogLevel.Information, "Source {Source}: listening for Hyperion FlatBuffers senders on {EndPoint}")]
    public static partial void HyperionListening(ILogger logger, string source, string endPoint);

    [LoggerMessage(SourceEventIds.HyperionConnected, LogLevel.Debug, "Source {Source}: {Peer} connected")]
    public static partial void HyperionConnected(ILogger logger, string source, string peer);

    [LoggerMessage(SourceEventIds.HyperionRefused, LogLevel.Warning, "Source {Source}: refused {Peer}: it is not on loopback and no allow entry covers it")]
    public static partial void HyperionRefused(ILogger logger, string source, string peer);

    [LoggerMessage(SourceEventIds.HyperionRegistered, LogLevel.Information, "Source {Source}: {Peer} registered as '{Origin}' with priority {Priority}")]
    public static partial void HyperionRegistered(ILogger logger, string source, string peer, string origin, int priority);

    [LoggerMessage(SourceEventIds.HyperionBadPriority, LogLevel.Warning, "Source {Source}: {Peer} asked for priority {Priority}; FlatBuffers senders use 100 to 199, so it got an error reply")]
    public static partial void HyperionBadPriority(ILogger logger, string source, string peer, int priority);

    [LoggerMessage(SourceEventIds.HyperionMalformed, LogLevel.Warning, "Source {Source}: closed the connection of {Peer}: {Reason}")]
    public static partial void HyperionMalformed(ILogger logger, string source, string peer, string reason);

    [LoggerMessage(SourceEventIds.HyperionTimedOut, LogLevel.Information, "Source {Source}: closed the connection of {Peer} ('{Origin}'): no message for {Timeout}")]
    public static partial void HyperionTimedOut(ILogger logger, string source, string peer, string origin, TimeSpan timeout);

    [LoggerMessage(SourceEventIds.HyperionDisconnected, LogLevel.Debug, "Source {Source}: {Peer} disconnected")]
    public static partial void HyperionDisconnected(ILogger logger, string source, string peer);

    [LoggerMessage(SourceEventIds.HyperionNv12, LogLevel.Warning, "Source {Source}: {Peer} sends NV12 images, which this source does not read; it got an error reply asking for RawImage (RGB24 or RGBA)")]
    public static partial void HyperionNv12(ILogger logger, string source, string peer);

    [LoggerMessage(SourceEventIds.HyperionAcceptFailed, LogLevel.Warning, "Source {Source}: accepting a connection failed")]
    public static partial void HyperionAcceptFailed(ILogger logger, string source, Exception exception);

    [LoggerMessage(SourceEventIds.HyperionConnectionFailed, LogLevel.Debug, "Source {Source}: the connection of {Peer} failed: {Reason}")]
    public static partial void HyperionConnectionFailed(ILogger logger, string source, string peer, string reason);
}
