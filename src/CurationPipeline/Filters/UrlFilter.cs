using System.Buffers;
using System.Collections.Frozen;
using CurationPipeline.Filters.Internal;

namespace CurationPipeline.Filters;

/// <summary>Blocks documents by URL (datatrove's <c>URLFilter</c>): listed domains and URLs, banned words, soft-banned words, banned sub-words.</summary>
/// <remarks>
/// <para>Checks, in datatrove's order: domain, full URL, hard-banned word, at least <see cref="UrlFilterOptions.SoftWordThreshold"/>
/// soft-banned words, banned sub-word. URL words are the pieces of the URL between runs of characters outside <c>[a-zA-Z0-9]</c>,
/// lower-cased; the normalized URL is the URL with those characters removed, lower-cased; list words are normalized the same way.</para>
/// <para>Differences from datatrove: without a public-suffix list, the domain rule checks the host and each parent domain
/// (<c>a.b.example.com</c>, <c>b.example.com</c>, <c>example.com</c>, <c>com</c>), which covers both its "domain" and "subdomain"
/// rules and also blocks deeper sub-domains of a listed one; a leading <c>www.</c> is not special. URL words are lower-cased before
/// matching. A document without a URL is kept; one whose URL does not parse is dropped as <see cref="FilterReasons.UrlInvalid"/>.</para>
/// <para>Sub-words are matched with <see cref="SearchValues{T}"/> of strings (a multi-string search, like datatrove's
/// Aho-Corasick automaton). Thread-safe.</para>
/// </remarks>
public sealed class UrlFilter : ITextFilter
{
    private static readonly SearchValues<char> s_alphanumeric =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");

    private readonly FrozenSet<string> _domains;
    private readonly FrozenSet<string> _urls;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _bannedWords;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _softWords;
    private readonly SearchValues<string>? _subwords;
    private readonly int _softWordThreshold;

    /// <summary>Creates the filter and reads its list files.</summary>
    /// <param name="options">List paths and threshold; validated.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    /// <exception cref="FileNotFoundException">A named list file does not exist.</exception>
    public UrlFilter(UrlFilterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _softWordThreshold = options.SoftWordThreshold;
        _domains = Load(options.BlockedDomainsPath, d => d.ToLowerInvariant().TrimEnd('.'));
        _urls = Load(options.BlockedUrlsPath, u => u);
        _bannedWords = Load(options.BannedWordsPath, Normalize).GetAlternateLookup<ReadOnlySpan<char>>();
        _softWords = Load(options.SoftBannedWordsPath, Normalize).GetAlternateLookup<ReadOnlySpan<char>>();
        FrozenSet<string> subwords = Load(options.BannedSubwordsPath, Normalize);
        _subwords = subwords.Count == 0 ? null : SearchValues.Create([.. subwords], StringComparison.Ordinal);
    }

    /// <inheritdoc/>
    public string Name => "url";

    /// <inheritdoc/>
    public FilterOutcome Evaluate(string text, string? url)
    {
        UrlSignals signals = ComputeSignals(url);
        return new FilterOutcome(Decide(signals), signals, null);
    }

    /// <summary>Looks <paramref name="url"/> up in every list.</summary>
    /// <param name="url">The document URL, or <c>null</c>.</param>
    /// <returns>The signals.</returns>
    public UrlSignals ComputeSignals(string? url)
    {
        if (string.IsNullOrEmpty(url))
        {
            return new UrlSignals(false, false, false, false, 0, 0, false);
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out Uri? uri) || uri.Scheme is not ("http" or "https") || uri.IdnHost.Length == 0)
        {
            return new UrlSignals(true, false, false, false, 0, 0, false);
        }

        bool blockedDomain = false;
        ReadOnlySpan<char> host = uri.IdnHost.ToLowerInvariant().TrimEnd('.');
        FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> domains = _domains.GetAlternateLookup<ReadOnlySpan<char>>();
        while (!host.IsEmpty && !blockedDomain)
        {
            blockedDomain = domains.Contains(host);
            int dot = host.IndexOf('.');
            host = dot < 0 ? [] : host[(dot + 1)..];
        }

        int banned = 0, soft = 0;
        Span<char> lower = url.Length <= 512 ? stackalloc char[url.Length] : new char[url.Length];
        int lowerLength = url.AsSpan().ToLowerInvariant(lower);
        lower = lower[..lowerLength];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        ReadOnlySpan<char> rest = lower;
        while (!rest.IsEmpty)
        {
            int start = rest.IndexOfAny(s_alphanumeric);
            if (start < 0)
            {
                break;
            }

            rest = rest[start..];
            int end = rest.IndexOfAnyExcept(s_alphanumeric);
            ReadOnlySpan<char> word = end < 0 ? rest : rest[..end];
            rest = end < 0 ? [] : rest[end..];
            if (_bannedWords.TryGetValue(word, out string? hard) && seen.Add(hard))
            {
                banned++;
            }
            else if (_softWords.TryGetValue(word, out string? softWord) && seen.Add(softWord))
            {
                soft++;
            }
        }

        bool subword = false;
        if (_subwords is not null)
        {
            Span<char> normalized = lower.Length <= 512 ? stackalloc char[lower.Length] : new char[lower.Length];
            int n = 0;
            foreach (char c in lower)
            {
                if (s_alphanumeric.Contains(c))
                {
                    normalized[n++] = c;
                }
            }

            subword = normalized[..n].IndexOfAny(_subwords) >= 0;
        }

        return new UrlSignals(true, true, blockedDomain, _urls.Contains(url), banned, soft, subword);
    }

    /// <summary>Applies the rules to stored signals, in datatrove's order.</summary>
    /// <param name="signals">Signals from <see cref="ComputeSignals"/>.</param>
    /// <returns>Keep, or drop with a <c>url.*</c> reason.</returns>
    public FilterVerdict Decide(UrlSignals signals)
    {
        ArgumentNullException.ThrowIfNull(signals);
        return signals switch
        {
            { HasUrl: false } => FilterVerdict.Kept,
            { IsValid: false } => FilterVerdict.Drop(FilterReasons.UrlInvalid),
            { BlockedDomain: true } => FilterVerdict.Drop(FilterReasons.UrlBlockedDomain),
            { BlockedUrl: true } => FilterVerdict.Drop(FilterReasons.UrlBlockedUrl),
            { BannedWordCount: > 0 } => FilterVerdict.Drop(FilterReasons.UrlBannedWord),
            _ when signals.SoftBannedWordCount >= _softWordThreshold => FilterVerdict.Drop(FilterReasons.UrlSoftBannedWords),
            { HasBannedSubword: true } => FilterVerdict.Drop(FilterReasons.UrlBannedSubword),
            _ => FilterVerdict.Kept,
        };
    }

    private static string Normalize(string entry)
    {
        Span<char> buffer = entry.Length <= 256 ? stackalloc char[entry.Length] : new char[entry.Length];
        int n = 0;
        foreach (char c in entry)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                buffer[n++] = char.ToLowerInvariant(c);
            }
        }

        return new string(buffer[..n]);
    }

    private static FrozenSet<string> Load(string? path, Func<string, string> normalize) =>
        path is null ? FrozenSet<string>.Empty : ListFile.Read(path, normalize).ToFrozenSet(StringComparer.Ordinal);
}

/// <content>The reason codes of <see cref="UrlFilter"/>.</content>
public static partial class FilterReasons
{
    /// <summary>The URL's host or one of its parent domains is block-listed.</summary>
    public const string UrlBlockedDomain = "url.blocked_domain";

    /// <summary>The full URL is block-listed.</summary>
    public const string UrlBlockedUrl = "url.blocked_url";

    /// <summary>A hard-banned word is one of the URL's words.</summary>
    public const string UrlBannedWord = "url.banned_word";

    /// <summary>At least <see cref="UrlFilterOptions.SoftWordThreshold"/> soft-banned words are among the URL's words.</summary>
    public const string UrlSoftBannedWords = "url.soft_banned_words";

    /// <summary>A banned sub-word occurs in the normalized URL.</summary>
    public const string UrlBannedSubword = "url.banned_subword";

    /// <summary>The URL is present but is not an absolute http(s) URL with a host.</summary>
    public const string UrlInvalid = "url.invalid";
}
