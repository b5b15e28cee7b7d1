using System.ComponentModel.DataAnnotations;
using DominantColors.Configuration;

namespace DominantColors.Web;

/// <summary>
/// The <c>web:</c> section: the live preview page, <c>/api/status</c>, <c>/metrics</c> and <c>/healthz</c>.
/// Listens on loopback unless told otherwise; beyond loopback a token is required (see <see cref="WebOptionsValidator"/>).
/// </summary>
internal sealed class WebOptions : IConfigSection
{
    public static string SectionName => "web";

    public const int DefaultPort = 8733;

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
}
