using System.ComponentModel.DataAnnotations;
using System.Net;
using DominantColors.Configuration;

namespace DominantColors.Web;

/// <summary>
/// The <c>web:</c> section: the live preview page, <c>/api/status</c>, <c>/metrics</c> and <c>/healthz</c>.
/// Listens on loopback unless told otherwise; beyond loopback a token is required, so that nobody on the network can
/// switch the lights without it.
/// </summary>
internal sealed class WebOptions : IConfigSection, IValidatableObject
{
    public static string SectionName => "web";

    public const int DefaultPort = 8733;

    /// <summary>Shorter tokens are guessable; a generated one (<c>openssl rand -hex 16</c>) is 32 characters.</summary>
    public const int MinimumTokenLength = 16;

    /// <summary>Whether the daemon serves HTTP at all.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The IP address to listen on: <c>127.0.0.1</c> (default), <c>::1</c>, <c>0.0.0.0</c>, <c>::</c> or one interface's address.</summary>
    [Required]
    public string Address { get; set; } = "127.0.0.1";

    /// <summary>The TCP port; 0 picks a free one (tests).</summary>
    [Range(0, 65535)]
    public int Port { get; set; } = DefaultPort;

    /// <summary>
    /// A shared secret for control requests and the page's API (<c>Authorization: Bearer</c> or <c>?token=</c>).
    /// Optional on loopback, required otherwise.
    /// </summary>
    public string? Token { get; set; }

    /// <summary>A parseable address, and a token of at least <see cref="MinimumTokenLength"/> characters beyond loopback.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enabled)
        {
            yield break;
        }

        if (!IPAddress.TryParse(Address, out var address))
        {
            yield return new ValidationResult(
                $"'{Address}' is not an IP address; use 127.0.0.1, ::1, 0.0.0.0, :: or an interface's address", [nameof(Address)]);
        }
        else if (!IPAddress.IsLoopback(address) && string.IsNullOrWhiteSpace(Token))
        {
            yield return new ValidationResult(
                $"required because web.address {Address} is not a loopback address; set a secret of at least {MinimumTokenLength} characters (e.g. `openssl rand -hex 16`)",
                [nameof(Token)]);
        }

        if (!string.IsNullOrEmpty(Token) && Token.Trim().Length < MinimumTokenLength)
        {
            yield return new ValidationResult($"too short ({Token.Trim().Length} characters); use at least {MinimumTokenLength}", [nameof(Token)]);
        }
    }
}
