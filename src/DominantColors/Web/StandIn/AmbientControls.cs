namespace DominantColors.Web.StandIn;

/// <summary>The daemon's live controls as the web page sees them: ambient on/off, brightness, smoothing intensity.</summary>
internal sealed class AmbientControls
{
    public static IReadOnlyList<string> Intensities { get; } = ["none", "subtle", "moderate", "high", "intense"];

    public bool Enabled { get; set; } = true;

    /// <summary>0 to 1.</summary>
    public double Brightness { get; set; } = 1;

    public string Intensity { get; set; } = "moderate";
}
