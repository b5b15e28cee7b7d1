using Microsoft.Extensions.Logging;

namespace DominantColors.Web;

/// <summary>Log messages of the web preview (event ids 700-799).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = DaemonEventIds.WebListening, Level = LogLevel.Information, Message = "Web preview listening on {Address} (token required: {TokenRequired})")]
    public static partial void WebListening(ILogger logger, string address, bool tokenRequired);
}
