using System.Globalization;
using System.Text.RegularExpressions;
using CurationPipeline.Dedup;
using CurationPipeline.Dedup.Internal;
using CurationPipeline.Documents;
using CurationPipeline.Outputs;
using CurationPipeline.Pipelines.Layout;
using CurationPipeline.Storage;
using CurationPipeline.Tokenization;

namespace CurationPipeline.Reporting;

/// <summary>
/// Token counts of a tagged directory per language and per host (<c>curate stats OUT</c>, and the run report): what the tag
/// pass kept, and what remains after dedup (the drop list, then paragraph dedup's emptied documents and rewritten token
/// counts), before any mix.
/// </summary>
/// <remarks>
/// A tag task writes each kept document's annotated row and then its tokenized row, so the kept annotated rows of a rank (in
/// shard order) and its tokenized rows pair up one to one; the language comes from the first, the tokens and URL from the
/// second, and a pair whose identities differ is an error (the directory was not written by one tag pass). Memory: the drop
/// list's identities, paragraph dedup's decisions, and one entry per language and per host.
/// </remarks>
public sealed partial class TokenSummary
{
    private const string LanguageSignal = "language.language";
    private const string NoUrl = "(no url)";

    private TokenSummary(IReadOnlyList<TokenCount> languages, IReadOnlyList<TokenCount> hosts)
    {
        Languages = languages;
        Hosts = hosts;
    }

    /// <summary>Per language (the <c>language.language</c> signal), most tokens first, ties by key.</summary>
    public IReadOnlyList<TokenCount> Languages { get; }

    /// <summary>Per URL host (lower case), most tokens first, ties by key.</summary>
    public IReadOnlyList<TokenCount> Hosts { get; }

    /// <summary>Reads the tokenized and annotated shards and the drop list of <paramref name="outputDirectory"/>.</summary>
    /// <param name="storage">Where the directory is.</param>
    /// <param name="outputDirectory">A tagged directory (the output of <c>curate run</c>, or of its tag pass).</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The counts.</returns>
    /// <exception cref="InvalidDataException">A shard is damaged, or annotated and tokenized rows of a rank do not pair up.</exception>
    public static async Task<TokenSummary> BuildAsync(IStorage storage, string outputDirectory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentException.ThrowIfNullOrEmpty(outputDirectory);
        string dropListPath = storage.Combine(outputDirectory, OutputLayout.Dedup, OutputLayout.DropList);
        HashSet<UInt128> dropped = storage.Exists(dropListPath) ? [.. DropListFile.Read(storage, dropListPath).Select(r => r.Key)] : [];
        Dictionary<UInt128, int> rewritten = await ParagraphRewritesAsync(storage, outputDirectory, dropped, cancellationToken).ConfigureAwait(false);
        var languages = new Dictionary<string, long[]>(StringComparer.Ordinal);
        var hosts = new Dictionary<string, long[]>(StringComparer.Ordinal);
        Dictionary<string, List<string>> annotated = ShardsByRank(storage, outputDirectory, OutputLayout.Annotated);
        Dictionary<string, List<string>> tokenized = ShardsByRank(storage, outputDirectory, OutputLayout.Tokenized);
        foreach (string rank in annotated.Keys.Union(tokenized.Keys).Order(StringComparer.Ordinal))
        {
            await using IAsyncEnumerator<AnnotatedDocument> kept = KeptAsync(storage, annotated.GetValueOrDefault(rank) ?? [], cancellationToken).GetAsyncEnumerator(cancellationToken);
            foreach (string shard in tokenized.GetValueOrDefault(rank) ?? [])
            {
                await using TokenizedShardReader reader = await TokenizedShardReader.OpenAsync(storage, shard, cancellationToken).ConfigureAwait(false);
                await foreach (TokenizedDocument row in reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
                {
                    if (!await kept.MoveNextAsync().ConfigureAwait(false)
                        || DocumentIdentity.Compare(kept.Current.Id, kept.Current.SourcePath, kept.Current.SourceOffset, row.Id, row.SourcePath, row.SourceOffset) != 0)
                    {
                        throw new InvalidDataException($"{shard}: row '{row.Id}' has no matching kept annotated row of rank {rank}: the directory was not written by one tag pass.");
                    }

                    UInt128 key = DocumentIdentity.KeyOf(row.Id, row.SourcePath, row.SourceOffset);
                    int after = dropped.Contains(key) ? -1 : rewritten.GetValueOrDefault(key, row.InputIds.Length);
                    Count(languages, LanguageOf(kept.Current.Signals), row.InputIds.Length, after);
                    Count(hosts, HostOf(row.Url), row.InputIds.Length, after);
                }
            }

            if (await kept.MoveNextAsync().ConfigureAwait(false))
            {
                throw new InvalidDataException($"Kept annotated row '{kept.Current.Id}' of rank {rank} has no tokenized row: the directory was not written by one tag pass.");
            }
        }

        return new TokenSummary(Ordered(languages), Ordered(hosts));
    }

    /// <summary>
    /// Paragraph dedup's outcome by identity key: the token count of each rewritten document, and -1 for each emptied one,
    /// which is added to <paramref name="dropped"/>. Empty when paragraph dedup did not run.
    /// </summary>
    private static async Task<Dictionary<UInt128, int>> ParagraphRewritesAsync(IStorage storage, string outputDirectory, HashSet<UInt128> dropped, CancellationToken cancellationToken)
    {
        var rewritten = new Dictionary<UInt128, int>();
        string removalsPath = storage.Combine(outputDirectory, OutputLayout.Dedup, OutputLayout.ParagraphRemovals);
        if (!storage.Exists(removalsPath))
        {
            return rewritten;
        }

        foreach ((UInt128 key, ParagraphRemoval removal) in ParagraphRemovalFile.Read(storage, removalsPath))
        {
            if (removal.Emptied)
            {
                dropped.Add(key);
            }
        }

        foreach (string shard in storage.List(storage.Combine(outputDirectory, OutputLayout.Paragraphs)).Where(p => p.EndsWith(".parquet", StringComparison.Ordinal)))
        {
            await using TokenizedShardReader reader = await TokenizedShardReader.OpenAsync(storage, shard, cancellationToken).ConfigureAwait(false);
            await foreach (TokenizedDocument row in reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                rewritten[DocumentIdentity.KeyOf(row.Id, row.SourcePath, row.SourceOffset)] = row.InputIds.Length;
            }
        }

        return rewritten;
    }

    /// <summary>Counts one kept document of <paramref name="tokens"/> tokens; <paramref name="tokensAfterDedup"/> is -1 when dedup removes it.</summary>
    private static void Count(Dictionary<string, long[]> counts, string key, int tokens, int tokensAfterDedup)
    {
        if (!counts.TryGetValue(key, out long[]? c))
        {
            counts[key] = c = new long[4];
        }

        c[0]++;
        c[1] += tokens;
        c[2] += tokensAfterDedup >= 0 ? 1 : 0;
        c[3] += Math.Max(tokensAfterDedup, 0);
    }

    private static TokenCount[] Ordered(Dictionary<string, long[]> counts) =>
        [.. counts.Select(p => new TokenCount(p.Key, p.Value[0], p.Value[1], p.Value[2], p.Value[3]))
            .OrderByDescending(c => c.Tokens).ThenBy(c => c.Key, StringComparer.Ordinal)];

    private static async IAsyncEnumerable<AnnotatedDocument> KeptAsync(IStorage storage, List<string> shards,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (string shard in shards)
        {
            await foreach (AnnotatedDocument document in ShardReader.ReadAnnotatedAsync(storage, shard, cancellationToken).ConfigureAwait(false))
            {
                if (document.FilterReason is null)
                {
                    yield return document;
                }
            }
        }
    }

    /// <summary>The <c>tag-{rank}-{shard}.parquet</c> files of <paramref name="folder"/>, by rank, each list in shard order.</summary>
    private static Dictionary<string, List<string>> ShardsByRank(IStorage storage, string outputDirectory, string folder)
    {
        var byRank = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (string path in storage.List(storage.Combine(outputDirectory, folder)).Order(StringComparer.Ordinal))
        {
            Match match = ShardName().Match(Path.GetFileName(path));
            if (match.Success)
            {
                (byRank.TryGetValue(match.Groups[1].Value, out List<string>? list) ? list : byRank[match.Groups[1].Value] = []).Add(path);
            }
        }

        return byRank;
    }

    private static string LanguageOf(SignalSet signals) =>
        signals.Schema.IndexOf(LanguageSignal) >= 0 && signals.Text(LanguageSignal) is { Length: > 0 } language ? language : "?";

    private static string HostOf(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out Uri? uri) && uri.Host.Length > 0 ? uri.Host.ToLower(CultureInfo.InvariantCulture) : NoUrl;

    [GeneratedRegex(@"^tag-(\d+)-\d+\.parquet$")]
    private static partial Regex ShardName();
}
