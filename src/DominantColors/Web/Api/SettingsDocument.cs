namespace DominantColors.Web.Api;

internal sealed record SettingsDocument(bool Ambient, double Brightness, string Smoothing, IReadOnlyList<string> SmoothingChoices);
