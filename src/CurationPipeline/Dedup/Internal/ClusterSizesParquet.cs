using CurationPipeline.Storage;
using Parquet;
using Parquet.Schema;

namespace CurationPipeline.Dedup.Internal;

/// <summary>The kept document of a duplicate cluster with the cluster's size (itself plus every drop-list row naming it).</summary>
internal readonly record struct KeptCluster(string Id, string SourcePath, long SourceOffset, ulong ClusterId, int ClusterSize);

/// <summary>
/// <c>dedup/cluster-sizes.parquet</c>: one row per kept document of a cluster of two or more (<c>id, source_path,
/// source_offset, cluster_id, cluster_size</c>), sorted by identity; a kept document without a row is a singleton (size 1).
/// Written by the cluster step before the drop list, so a drop list always has its cluster sizes beside it.
/// </summary>
internal static class ClusterSizesParquet
{
    private static readonly DataField<string> s_id = new("id", nullable: false);
    private static readonly DataField<string> s_sourcePath = new("source_path", nullable: false);
    private static readonly DataField<long> s_sourceOffset = new("source_offset");
    private static readonly DataField<ulong> s_clusterId = new("cluster_id");
    private static readonly DataField<int> s_clusterSize = new("cluster_size");

    public static async Task WriteAsync(IStorage storage, string path, IReadOnlyList<KeptCluster> rows, CancellationToken cancellationToken)
    {
        await using AtomicWrite write = storage.CreateAtomic(path);
        await using (ParquetWriter writer = await ParquetWriter.CreateAsync(
            new ParquetSchema(s_id, s_sourcePath, s_sourceOffset, s_clusterId, s_clusterSize), write.Stream,
            new Outputs.ParquetOutputOptions().ToParquetOptions(), append: false, cancellationToken).ConfigureAwait(false))
        {
            using ParquetRowGroupWriter rowGroup = writer.CreateRowGroup();
            await rowGroup.WriteAsync(s_id, rows.Select(r => r.Id).ToArray()).ConfigureAwait(false);
            await rowGroup.WriteAsync(s_sourcePath, rows.Select(r => r.SourcePath).ToArray()).ConfigureAwait(false);
            await rowGroup.WriteAsync(s_sourceOffset, (ReadOnlyMemory<long>)rows.Select(r => r.SourceOffset).ToArray(), null, null, cancellationToken).ConfigureAwait(false);
            await rowGroup.WriteAsync(s_clusterId, (ReadOnlyMemory<ulong>)rows.Select(r => r.ClusterId).ToArray(), null, null, cancellationToken).ConfigureAwait(false);
            await rowGroup.WriteAsync(s_clusterSize, (ReadOnlyMemory<int>)rows.Select(r => r.ClusterSize).ToArray(), null, null, cancellationToken).ConfigureAwait(false);
        }

        await write.CommitAsync(cancellationToken).ConfigureAwait(false);
    }
}
