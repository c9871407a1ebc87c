using System.Collections.Immutable;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Text;
using CurationPipeline.Storage;

namespace CurationPipeline.Dedup.Internal;

/// <summary>The final task: union-find over the candidate pairs, then the kept document per cluster and the drop list.</summary>
/// <remarks>
/// Memory: 5 bytes per document for the union-find, plus, per cluster of two or more, its current best document
/// (index, priority, exact hash, id) and size, plus the drop rows, which are sorted by id before writing.
/// Documents are streamed twice from the signature files' document tables: once to pick each cluster's kept document,
/// once to emit the others.
/// </remarks>
internal sealed class Clusterer(IStorage storage, SignatureFileSet files, DedupClusterOptions options)
{
    private struct ClusterBest
    {
        public int Doc;
        public ushort Priority;
        public UInt128 ExactHash;
        public string Id;
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

        Dictionary<int, ClusterBest> clusters = PickKept(unionFind);
        cancellationToken.ThrowIfCancellationRequested();
        List<DropListRow> rows = DropRows(unionFind, clusters, out long droppedExact);
        rows.Sort((x, y) => string.CompareOrdinal(x.DocumentId, y.DocumentId));
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
            ClusterSizes = sizes.ToImmutableSortedDictionary(),
        };
    }

    /// <summary>Kept = highest priority, then smallest id (ordinal): a total order, so the choice never depends on arrival order.</summary>
    private Dictionary<int, ClusterBest> PickKept(UnionFind unionFind)
    {
        var clusters = new Dictionary<int, ClusterBest>();
        foreach ((int doc, string id, ushort priority, UInt128 exactHash) in files.Documents(options.ReadBufferBytes))
        {
            if (!unionFind.InCluster(doc))
            {
                continue;
            }

            ref ClusterBest best = ref CollectionsMarshal.GetValueRefOrAddDefault(clusters, unionFind.Find(doc), out bool exists);
            best.Size++;
            if (!exists || priority > best.Priority || (priority == best.Priority && string.CompareOrdinal(id, best.Id) < 0))
            {
                best.Doc = doc;
                best.Priority = priority;
                best.ExactHash = exactHash;
                best.Id = id;
            }
        }

        return clusters;
    }

    private List<DropListRow> DropRows(UnionFind unionFind, Dictionary<int, ClusterBest> clusters, out long droppedExact)
    {
        var rows = new List<DropListRow>();
        droppedExact = 0;
        foreach ((int doc, string id, _, UInt128 exactHash) in files.Documents(options.ReadBufferBytes))
        {
            if (!unionFind.InCluster(doc))
            {
                continue;
            }

            ClusterBest best = clusters[unionFind.Find(doc)];
            if (best.Doc == doc)
            {
                continue;
            }

            bool exact = exactHash == best.ExactHash;
            droppedExact += exact ? 1 : 0;
            ulong clusterId = XxHash3.HashToUInt64(Encoding.UTF8.GetBytes(best.Id));
            rows.Add(new DropListRow(id, clusterId, best.Id, exact ? DedupReasons.Exact : DedupReasons.MinHash));
        }

        return rows;
    }
}
