using System.Collections.Immutable;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Text;
using CurationPipeline.Storage;

namespace CurationPipeline.Dedup.Internal;

/// <summary>The final task: union-find over the candidate pairs, then the kept document per cluster and the drop list.</summary>
/// <remarks>
/// Memory: 5 bytes per document for the union-find and 16 for the duplicate-id count, plus, per cluster of two or more, its current best document
/// (its signature table entry) and size, plus the drop rows, which are sorted by id before writing.
/// Documents are streamed twice from the signature files' document tables: once to pick each cluster's kept document,
/// once to emit the others.
/// </remarks>
internal sealed class Clusterer(IStorage storage, SignatureFileSet files, DedupClusterOptions options)
{
    private struct ClusterBest
    {
        public SignedDocument Kept;
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

        Dictionary<int, ClusterBest> clusters = PickKept(unionFind, out long duplicateIds);
        cancellationToken.ThrowIfCancellationRequested();
        List<DropListRow> rows = DropRows(unionFind, clusters, out long droppedExact);
        rows.Sort(DropListRow.CompareByIdentity);
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
            DroppedNear = rows.Count - droppedExact,
            DuplicateIds = duplicateIds,
            ClusterSizes = sizes.ToImmutableSortedDictionary(),
        };
    }

    /// <summary>
    /// Kept = highest priority, then smallest identity (id, source path, offset; ordinal): a total order, so the choice never
    /// depends on arrival order, and copies that share an id (a crawl read twice) still keep exactly one.
    /// </summary>
    private Dictionary<int, ClusterBest> PickKept(UnionFind unionFind, out long duplicateIds)
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

            ref ClusterBest best = ref CollectionsMarshal.GetValueRefOrAddDefault(clusters, unionFind.Find(document.Doc), out bool exists);
            best.Size++;
            if (!exists || document.Priority > best.Kept.Priority
                || (document.Priority == best.Kept.Priority && document.CompareIdentity(best.Kept) < 0))
            {
                best.Kept = document;
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

    private List<DropListRow> DropRows(UnionFind unionFind, Dictionary<int, ClusterBest> clusters, out long droppedExact)
    {
        var rows = new List<DropListRow>();
        droppedExact = 0;
        foreach (SignedDocument document in files.Documents(options.ReadBufferBytes))
        {
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
            ulong clusterId = XxHash3.HashToUInt64(Encoding.UTF8.GetBytes(kept.Id));
            rows.Add(new DropListRow(document.Id, document.SourcePath, document.SourceOffset, clusterId, kept.Id, exact ? DedupReasons.Exact : DedupReasons.MinHash));
        }

        return rows;
    }
}
