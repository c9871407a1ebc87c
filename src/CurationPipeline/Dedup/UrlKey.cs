using System.IO.Hashing;
using System.Text;

namespace CurationPipeline.Dedup;

/// <summary>The URL-dedup key of a document: a 64-bit hash of its normalized URL.</summary>
/// <remarks>
/// Normalization (two URLs with one normalized form are one page): the scheme is dropped (<c>http</c> and <c>https</c> are
/// alike); the host is lower-cased and loses one leading <c>www.</c>; a default port is dropped; the path keeps its case and
/// loses a trailing <c>/</c>; query parameters named <c>utm_*</c>, <c>fbclid</c>, <c>gclid</c> and <c>ref</c> are removed,
/// the others keep their order; the fragment is dropped. A URL that is not absolute http(s) is used as given (trimmed).
/// Stateless and thread-safe.
/// </remarks>
public static class UrlKey
{
    /// <summary>The key of a document without a URL (never produced by <see cref="Of"/> for a URL).</summary>
    public const ulong None = 0;

    /// <summary>The normalized form of <paramref name="url"/> (see the remarks).</summary>
    /// <param name="url">A URL.</param>
    /// <returns>The normalized URL.</returns>
    public static string Normalize(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        string trimmed = url.Trim();
        if (!Uri.TryCreate(trimmed, UriKind.Absolute, out Uri? uri) || uri.Scheme is not ("http" or "https"))
        {
            return trimmed;
        }

        var normalized = new StringBuilder(trimmed.Length);
        string host = uri.IdnHost.ToLowerInvariant();
        normalized.Append(host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host);
        if (!uri.IsDefaultPort)
        {
            normalized.Append(':').Append(uri.Port);
        }

        string path = uri.AbsolutePath;
        normalized.Append(path.Length > 1 && path.EndsWith('/') ? path[..^1] : path);
        char separator = '?';
        foreach (string parameter in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            string name = parameter.Split('=', 2)[0];
            if (!IsTracking(name))
            {
                normalized.Append(separator).Append(parameter);
                separator = '&';
            }
        }

        return normalized.ToString();
    }

    /// <summary>The key of <paramref name="url"/>: XxHash3 of its normalized UTF-8 form, or <see cref="None"/> without a URL.</summary>
    /// <param name="url">A URL, or <c>null</c> or empty.</param>
    /// <returns>The key.</returns>
    public static ulong Of(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return None;
        }

        ulong hash = XxHash3.HashToUInt64(Encoding.UTF8.GetBytes(Normalize(url)));
        return hash == None ? 1 : hash;
    }

    private static bool IsTracking(string name) =>
        name.StartsWith("utm_", StringComparison.OrdinalIgnoreCase)
        || name.Equals("fbclid", StringComparison.OrdinalIgnoreCase)
        || name.Equals("gclid", StringComparison.OrdinalIgnoreCase)
        || name.Equals("ref", StringComparison.OrdinalIgnoreCase);
}
