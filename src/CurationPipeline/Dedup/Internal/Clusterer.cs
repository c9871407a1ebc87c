using System.Collections.Immutable;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using CurationPipeline.Documents;
using CurationPipeline.Storage;

namespace CurationPipeline.Dedup.Internal;

/// <summary>The final task: URL dedup, union-find over the candidate pairs, then the kept document per cluster and the drop list.</summary>
/// <remarks>
/// With <see cref="DedupClusterOptions.UrlDedup"/>, documents sharing a normalized URL keep only the newest capture (then the
/// smallest identity); the others drop as <see cref="DedupReasons.Url"/> first and never become the kept document of a
/// content cluster (they may still link its members). URL dedup costs 8 bytes per document while it runs, plus one entry per
/// URL that occurs more than once, and two more streams over the document tables.
/// Memory: 5 bytes per document for the union-find and 16 for the duplicate-id count, plus, per cluster of two or more, its current best document
/// (its signature table entry) and size, plus the drop rows, which are sorted by id before writing, and each kept document's cluster size.
/// Documents are streamed twice from the signature files' document tables: once to pick each cluster's kept document,
/// once to emit the others.
/// </remarks>
internal sealed class Clusterer(IStorage storage, SignatureFileSet files, DedupClusterOptions options)
{
    private struct ClusterBest
    {
        public SignedDocument Kept;
        public bool HasKept;
        public int Size;
    }

    public async Task<DedupStats> RunAsync(IReadOnlyList<string> pairFiles, string dropListPath, CancellationToken cancellationToken)
    {
        var unionFind = new UnionFind(files.DocumentCount);
        long pairs = 0;
        foreach (string pairFile in pairFiles)
        {
            foreach ((int a, int b) in PairFile.Read(storage, pairFile, options.ReadBufferBytes))
            {
                if ((uint)a >= (uint)files.DocumentCount || (uint)b >= (uint)files.DocumentCount)
                {
                    throw new InvalidDataException($"{pairFile}: document index out of range; it belongs to other signature files.");
                }

                unionFind.Union(a, b);
                pairs++;
            }

            cancellationToken.ThrowIfCancellationRequested();
        }

        Dictionary<ulong, SignedDocument> urlKept = options.UrlDedup ? UrlKept() : [];
        cancellationToken.ThrowIfCancellationRequested();
        Dictionary<int, ClusterBest> clusters = PickKept(unionFind, urlKept, out long duplicateIds);
        cancellationToken.ThrowIfCancellationRequested();
        var keptSizes = new Dictionary<int, KeptCluster>();
        List<DropListRow> rows = DropRows(unionFind, clusters, urlKept, keptSizes, out long droppedExact, out long droppedUrl);
        rows.Sort(DropListRow.CompareByIdentity);
        KeptCluster[] kept = [.. keptSizes.Values];
        Array.Sort(kept, (x, y) => Documents.DocumentIdentity.Compare(x.Id, x.SourcePath, x.SourceOffset, y.Id, y.SourcePath, y.SourceOffset));
        // Cluster sizes first: a committed drop list always has its cluster sizes beside it.
        await ClusterSizesParquet.WriteAsync(storage, DropListFile.ClusterSizesPath(dropListPath), kept, cancellationToken).ConfigureAwait(false);
        await DropListFile.WriteAsync(storage, dropListPath, rows, cancellationToken).ConfigureAwait(false);

        var sizes = new SortedDictionary<int, long>();
        foreach (ClusterBest cluster in clusters.Values)
        {
            sizes[cluster.Size] = sizes.GetValueOrDefault(cluster.Size) + 1;
        }

        return new DedupStats
        {
            Documents = files.DocumentCount,
            CandidatePairs = pairs,
            Clusters = clusters.Count,
            DroppedExact = droppedExact,
            DroppedNear = rows.Count - droppedExact - droppedUrl,
            DroppedUrl = droppedUrl,
            DuplicateIds = duplicateIds,
            ClusterSizes = sizes.ToImmutableSortedDictionary(),
        };
    }

    /// <summary>
    /// Kept = highest priority, then smallest identity (id, source path, offset; ordinal): a total order, so the choice never
    /// depends on arrival order, and copies that share an id (a crawl read twice) still keep exactly one.
    /// </summary>
    /// <summary>The kept capture of every URL key more than one document has: the newest, then the smallest identity.</summary>
    private Dictionary<ulong, SignedDocument> UrlKept()
    {
        var keys = new ulong[files.DocumentCount];
        foreach (SignedDocument document in files.Documents(options.ReadBufferBytes))
        {
            keys[document.Doc] = document.UrlHash;
        }

        Array.Sort(keys);
        var kept = new Dictionary<ulong, SignedDocument>();
        for (int i = 1; i < keys.Length; i++)
        {
            if (keys[i] == keys[i - 1] && keys[i] != UrlKey.None)
            {
                kept.TryAdd(keys[i], default);
            }
        }

        if (kept.Count == 0)
        {
            return kept;
        }

        var seen = new HashSet<ulong>();
        foreach (SignedDocument document in files.Documents(options.ReadBufferBytes))
        {
            if (!kept.TryGetValue(document.UrlHash, out SignedDocument best))
            {
                continue;
            }

            if (seen.Add(document.UrlHash) || document.DateTicks > best.DateTicks
                || (document.DateTicks == best.DateTicks && document.CompareIdentity(best) < 0))
            {
                kept[document.UrlHash] = document;
            }
        }

        return kept;
    }

    /// <summary>Whether URL dedup drops <paramref name="document"/> (another capture of its URL is kept).</summary>
    private static bool IsUrlDuplicate(in SignedDocument document, Dictionary<ulong, SignedDocument> urlKept, out SignedDocument kept) =>
        urlKept.TryGetValue(document.UrlHash, out kept) && kept.Doc != document.Doc && kept.CompareIdentity(document) != 0;

    private Dictionary<int, ClusterBest> PickKept(UnionFind unionFind, Dictionary<ulong, SignedDocument> urlKept, out long duplicateIds)
    {
        var clusters = new Dictionary<int, ClusterBest>();
        var idHashes = new UInt128[files.DocumentCount];
        foreach (SignedDocument document in files.Documents(options.ReadBufferBytes))
        {
            // Equality of ids is all the count needs: hash the UTF-16 chars in place, no copy per document.
            idHashes[document.Doc] = XxHash128.HashToUInt128(MemoryMarshal.AsBytes(document.Id.AsSpan()));
            if (!unionFind.InCluster(document.Doc))
            {
                continue;
            }

            ref ClusterBest best = ref CollectionsMarshal.GetValueRefOrAddDefault(clusters, unionFind.Find(document.Doc), out _);
            best.Size++;
            if (IsUrlDuplicate(document, urlKept, out _))
            {
                continue;
            }

            if (!best.HasKept || document.Priority > best.Kept.Priority
                || (document.Priority == best.Kept.Priority && document.CompareIdentity(best.Kept) < 0))
            {
                best.Kept = document;
                best.HasKept = true;
            }
        }

        duplicateIds = CountShared(idHashes);
        return clusters;
    }

    /// <summary>How many entries share their value with another entry.</summary>
    private static long CountShared(UInt128[] values)
    {
        Array.Sort(values);
        long shared = 0;
        for (int i = 0, j; i < values.Length; i = j)
        {
            for (j = i + 1; j < values.Length && values[j] == values[i]; j++)
            {
            }

            shared += j - i > 1 ? j - i : 0;
        }

        return shared;
    }

    /// <summary>The drop rows, and per kept document named by any row its cluster size (<paramref name="keptSizes"/>, by document index).</summary>
    private List<DropListRow> DropRows(UnionFind unionFind, Dictionary<int, ClusterBest> clusters, Dictionary<ulong, SignedDocument> urlKept,
        Dictionary<int, KeptCluster> keptSizes, out long droppedExact, out long droppedUrl)
    {
        var rows = new List<DropListRow>();
        droppedExact = 0;
        droppedUrl = 0;
        foreach (SignedDocument document in files.Documents(options.ReadBufferBytes))
        {
            if (IsUrlDuplicate(document, urlKept, out SignedDocument newest))
            {
                // Name the survivor: the newest capture, or the document its text cluster keeps instead of it.
                SignedDocument survivor = unionFind.InCluster(newest.Doc) ? clusters[unionFind.Find(newest.Doc)].Kept : newest;
                droppedUrl++;
                rows.Add(new DropListRow(document.Id, document.SourcePath, document.SourceOffset, ClusterId(survivor), survivor.Id, DedupReasons.Url));
                CountMember(keptSizes, survivor);
                continue;
            }

            if (!unionFind.InCluster(document.Doc))
            {
                continue;
            }

            SignedDocument kept = clusters[unionFind.Find(document.Doc)].Kept;
            if (kept.Doc == document.Doc || kept.CompareIdentity(document) == 0)
            {
                // The kept document, or one indistinguishable from it (same id at the same source place): dropping it by
                // identity would drop the kept one too; the mix counts such repeats itself.
                continue;
            }

            bool exact = document.ExactHash == kept.ExactHash;
            droppedExact += exact ? 1 : 0;
            rows.Add(new DropListRow(document.Id, document.SourcePath, document.SourceOffset, ClusterId(kept), kept.Id, exact ? DedupReasons.Exact : DedupReasons.MinHash));
            CountMember(keptSizes, kept);
        }

        return rows;
    }

    /// <summary>One more drop row names <paramref name="kept"/>: its cluster grows by one (from 1, itself).</summary>
    private static void CountMember(Dictionary<int, KeptCluster> keptSizes, in SignedDocument kept)
    {
        ref KeptCluster entry = ref CollectionsMarshal.GetValueRefOrAddDefault(keptSizes, kept.Doc, out bool exists);
        entry = exists
            ? entry with { ClusterSize = entry.ClusterSize + 1 }
            : new KeptCluster(kept.Id, kept.SourcePath, kept.SourceOffset, ClusterId(kept), 2);
    }

    /// <summary>The drop list's cluster id: a hash of the kept document's id.</summary>
    // The kept document's whole identity, not its id alone: two kept documents that share an id head two clusters.
    private static ulong ClusterId(in SignedDocument kept) => (ulong)DocumentIdentity.KeyOf(kept.Id, kept.SourcePath, kept.SourceOffset);
}
