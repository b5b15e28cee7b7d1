using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace DominantColors.Web;

/// <summary>
/// The <c>web.token</c> shared secret. A request proves it with <c>Authorization: Bearer TOKEN</c> or, where a browser
/// cannot set headers (the page's first load, <c>EventSource</c>), with <c>?token=TOKEN</c>. Both sides are hashed
/// before a constant-time comparison, so neither the content nor the length of the token leaks through timing.
/// </summary>
internal sealed class AccessToken
{
    private readonly byte[]? _hash;

    public AccessToken(string? token)
    {
        if (!string.IsNullOrWhiteSpace(token))
        {
            _hash = SHA256.HashData(Encoding.UTF8.GetBytes(token.Trim()));
        }
    }

    /// <summary>Whether requests must carry the token.</summary>
    public bool IsRequired => _hash is not null;

    /// <summary>True when no token is configured or the request carries the right one.</summary>
    public bool Admits(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_hash is null)
        {
            return true;
        }

        return Matches(Presented(request));
    }

    /// <summary>Compares <paramref name="candidate"/> with the token in constant time.</summary>
    public bool Matches(ReadOnlySpan<char> candidate)
    {
        if (_hash is null)
        {
            return true;
        }

        Span<byte> utf8 = stackalloc byte[256];
        var trimmed = candidate.Trim();
        if (Encoding.UTF8.GetMaxByteCount(trimmed.Length) > utf8.Length)
        {
            utf8 = new byte[Encoding.UTF8.GetMaxByteCount(trimmed.Length)];
        }

        var length = Encoding.UTF8.GetBytes(trimmed, utf8);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(utf8[..length], hash);
        return CryptographicOperations.FixedTimeEquals(hash, _hash);
    }

    private static ReadOnlySpan<char> Presented(HttpRequest request)
    {
        const string Bearer = "Bearer ";
        StringValues authorization = request.Headers.Authorization;
        foreach (var value in authorization)
        {
            if (value is not null && value.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase))
            {
                return value.AsSpan(Bearer.Length);
            }
        }

        return request.Query.TryGetValue("token", out var query) && query.Count > 0 ? query[0].AsSpan() : [];
    }
}
