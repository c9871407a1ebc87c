namespace CurationPipeline.Filters;

/// <summary>What <see cref="UrlFilter"/> found in one URL.</summary>
/// <param name="HasUrl">Whether the document had a URL at all (documents without one are kept).</param>
/// <param name="IsValid">Whether the URL parsed as an absolute http(s) URL with a host.</param>
/// <param name="BlockedDomain">Whether the host or a parent domain is block-listed.</param>
/// <param name="BlockedUrl">Whether the exact URL is block-listed.</param>
/// <param name="BannedWordCount">Distinct hard-banned words among the URL's words.</param>
/// <param name="SoftBannedWordCount">Distinct soft-banned words among the URL's words.</param>
/// <param name="HasBannedSubword">Whether a banned sub-word occurs in the normalized URL.</param>
public sealed record UrlSignals(
    bool HasUrl,
    bool IsValid,
    bool BlockedDomain,
    bool BlockedUrl,
    int BannedWordCount,
    int SoftBannedWordCount,
    bool HasBannedSubword);
