namespace DominantColors.Hue.Bridge;

/// <summary>The keys a bridge hands out when its link button was pressed. Secrets: never logged.</summary>
public sealed record PairingResult(string ApplicationKey, string ClientKey)
{
    public override string ToString() => "PairingResult { secrets hidden }";
}
