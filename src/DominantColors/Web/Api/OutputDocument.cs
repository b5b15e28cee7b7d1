namespace DominantColors.Web.Api;

internal sealed record OutputDocument(string Name, bool Connected, double Rate, string? LastError, string? Waiting, long Errors, long Reconnects, long Sent);
