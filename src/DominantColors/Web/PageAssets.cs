using Microsoft.AspNetCore.Http;

namespace DominantColors.Web;

/// <summary>
/// The preview page's files, embedded in the assembly (<c>Web/Page/*</c>) and read once: the daemon serves
/// everything the page needs and nothing comes from the internet.
/// </summary>
internal sealed class PageAssets
{
    private const string ResourcePrefix = "DominantColors.Web.Page.";

    /// <summary>The page may load only its own script, style and images drawn into a canvas.</summary>
    private const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private readonly Dictionary<string, (byte[] Content, string Type, string ETag)> _files = new(StringComparer.Ordinal);

    public PageAssets()
    {
        var assembly = typeof(PageAssets).Assembly;

        // The files change only with the assembly, and a deterministic build's module version id is a hash of it:
        // a good ETag that needs no hashing here (SHA-256 would load OpenSSL, several MB of resident memory, for this alone).
        var etag = "\"" + assembly.ManifestModule.ModuleVersionId.ToString("N")[..16] + "\"";
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(resource)
                ?? throw new InvalidOperationException($"The embedded page file {resource} cannot be read.");
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var content = copy.ToArray();
            var name = resource[ResourcePrefix.Length..];
            _files[name] = (content, TypeOf(name), etag);
        }
    }

    public IEnumerable<string> Names => _files.Keys;

    public Task WriteAsync(HttpContext context, string name)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.Response;
        if (!_files.TryGetValue(name, out var file))
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers.CacheControl = "no-cache";
        response.Headers.ETag = file.ETag;
        if (string.Equals(context.Request.Headers.IfNoneMatch.ToString(), file.ETag, StringComparison.Ordinal))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }

        response.ContentType = file.Type;
        response.ContentLength = file.Content.Length;
        return response.Body.WriteAsync(file.Content, context.RequestAborted).AsTask();
    }

    private static string TypeOf(string name) => Path.GetExtension(name) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".svg" => "image/svg+xml",
        _ => "application/octet-stream",
    };
}
