using System.Net;
using Microsoft.Extensions.Options;

namespace DominantColors.Web;

/// <summary>
/// Checks the <c>web:</c> section as a whole: a parseable address, and a token whenever the server listens beyond
/// loopback, so that nobody on the network can switch the lights without it.
/// </summary>
internal sealed class WebOptionsValidator : IValidateOptions<WebOptions>
{
    /// <summary>Shorter tokens are guessable; a generated one (<c>openssl rand -hex 16</c>) is 32 characters.</summary>
    public const int MinimumTokenLength = 16;

    public ValidateOptionsResult Validate(string? name, WebOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (options.Port is < 0 or > 65535)
        {
            failures.Add($"web.port: {options.Port} is not a TCP port; use 1..65535.");
        }

        if (!IPAddress.TryParse(options.Address, out var address))
        {
            failures.Add($"web.address: '{options.Address}' is not an IP address; use 127.0.0.1, ::1, 0.0.0.0, :: or an interface's address.");
        }
        else if (!IPAddress.IsLoopback(address) && string.IsNullOrWhiteSpace(options.Token))
        {
            failures.Add($"web.token: required because web.address {options.Address} is not a loopback address; set a secret of at least {MinimumTokenLength} characters (e.g. `openssl rand -hex 16`).");
        }

        if (!string.IsNullOrEmpty(options.Token) && options.Token.Trim().Length < MinimumTokenLength)
        {
            failures.Add($"web.token: too short ({options.Token.Trim().Length} characters); use at least {MinimumTokenLength}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
