namespace CurationPipeline.Filters;

/// <summary>Block lists of <see cref="UrlFilter"/>, each a text file with one entry per line (<c>#</c> lines are comments). A <c>null</c> path means an empty list; at least one is required.</summary>
/// <remarks>
/// <list type="table">
/// <listheader><term>Property</term><description>Default</description></listheader>
/// <item><term><see cref="BlockedDomainsPath"/></term><description><c>null</c> (UT1 <c>adult/domains</c> format: one domain per line)</description></item>
/// <item><term><see cref="BlockedUrlsPath"/></term><description><c>null</c> (one full URL per line)</description></item>
/// <item><term><see cref="BannedWordsPath"/></term><description><c>null</c> (datatrove's <c>banned_words.txt</c> format)</description></item>
/// <item><term><see cref="SoftBannedWordsPath"/></term><description><c>null</c></description></item>
/// <item><term><see cref="BannedSubwordsPath"/></term><description><c>null</c></description></item>
/// <item><term><see cref="SoftWordThreshold"/></term><description>2 (drop when at least 2 soft-banned words are URL words)</description></item>
/// </list>
/// No list is bundled or downloaded: point these at your copies (for example UT1 blacklists and datatrove's word lists).
/// </remarks>
public sealed record UrlFilterOptions
{
    /// <summary>File of blocked domains; a URL is blocked when its host or any parent domain is listed.</summary>
    public string? BlockedDomainsPath { get; init; }

    /// <summary>File of blocked full URLs (exact match).</summary>
    public string? BlockedUrlsPath { get; init; }

    /// <summary>File of hard-banned words: any one among the URL's words blocks it.</summary>
    public string? BannedWordsPath { get; init; }

    /// <summary>File of soft-banned words: <see cref="SoftWordThreshold"/> of them among the URL's words block it.</summary>
    public string? SoftBannedWordsPath { get; init; }

    /// <summary>File of banned sub-words: any one occurring inside the normalized URL blocks it.</summary>
    public string? BannedSubwordsPath { get; init; }

    /// <summary>How many distinct soft-banned words block a URL.</summary>
    public int SoftWordThreshold { get; init; } = 2;

    /// <summary>Checks the values (not the files: the filter reads them and reports a missing one).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range; the parameter name is the property.</exception>
    /// <exception cref="ArgumentException">No list is named: the filter would block nothing while looking like it filters.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(SoftWordThreshold, 1, nameof(SoftWordThreshold));
        if (new[] { BlockedDomainsPath, BlockedUrlsPath, BannedWordsPath, SoftBannedWordsPath, BannedSubwordsPath }.All(string.IsNullOrEmpty))
        {
            throw new ArgumentException("A url filter without a list blocks nothing: name at least one of blocked_domains_path, blocked_urls_path, "
                + "banned_words_path, soft_banned_words_path, banned_subwords_path, or remove the filter.", "url"); // no list key to point at: the filter's own
        }
    }
}
