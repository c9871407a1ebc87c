using CurationPipeline.Storage;
using Parquet;
using Parquet.Schema;

namespace CurationPipeline.Dedup.Internal;

/// <summary>The drop list as Parquet: one row per dropped document with its cluster's size, in row groups of <see cref="RowGroupRows"/>.</summary>
internal static class DropListParquet
{
    private const int RowGroupRows = 100_000;

    private static readonly DataField<string> s_id = new("id", nullable: false);
    private static readonly DataField<string> s_sourcePath = new("source_path", nullable: false);
    private static readonly DataField<long> s_sourceOffset = new("source_offset");
    private static readonly DataField<ulong> s_clusterId = new("cluster_id");
    private static readonly DataField<string> s_keptId = new("kept_id", nullable: false);
    private static readonly DataField<string> s_reason = new("reason", nullable: false);
    private static readonly DataField<int> s_clusterSize = new("cluster_size");

    public static async Task WriteAsync(IStorage storage, string path, IReadOnlyList<DropListRow> rows, CancellationToken cancellationToken)
    {
        // A cluster is its kept document plus every row that names it.
        var sizes = new Dictionary<ulong, int>();
        foreach (DropListRow row in rows)
        {
            sizes[row.ClusterId] = sizes.GetValueOrDefault(row.ClusterId, 1) + 1;
        }

        await using AtomicWrite write = storage.CreateAtomic(path);
        await using (ParquetWriter writer = await ParquetWriter.CreateAsync(
            new ParquetSchema(s_id, s_sourcePath, s_sourceOffset, s_clusterId, s_keptId, s_reason, s_clusterSize), write.Stream,
            new Outputs.ParquetOutputOptions().ToParquetOptions(), append: false, cancellationToken).ConfigureAwait(false))
        {
            for (int start = 0; start < rows.Count || start == 0; start += RowGroupRows)
            {
                DropListRow[] group = [.. rows.Skip(start).Take(RowGroupRows)];
                using ParquetRowGroupWriter rowGroup = writer.CreateRowGroup();
                await rowGroup.WriteAsync(s_id, group.Select(r => r.DocumentId).ToArray()).ConfigureAwait(false);
                await rowGroup.WriteAsync(s_sourcePath, group.Select(r => r.SourcePath).ToArray()).ConfigureAwait(false);
                await rowGroup.WriteAsync(s_sourceOffset, (ReadOnlyMemory<long>)group.Select(r => r.SourceOffset).ToArray(), null, null, cancellationToken).ConfigureAwait(false);
                await rowGroup.WriteAsync(s_clusterId, (ReadOnlyMemory<ulong>)group.Select(r => r.ClusterId).ToArray(), null, null, cancellationToken).ConfigureAwait(false);
                await rowGroup.WriteAsync(s_keptId, group.Select(r => r.KeptId).ToArray()).ConfigureAwait(false);
                await rowGroup.WriteAsync(s_reason, group.Select(r => r.Reason).ToArray()).ConfigureAwait(false);
                await rowGroup.WriteAsync(s_clusterSize, (ReadOnlyMemory<int>)group.Select(r => sizes[r.ClusterId]).ToArray(), null, null, cancellationToken).ConfigureAwait(false);
            }
        }

        await write.CommitAsync(cancellationToken).ConfigureAwait(false);
    }
}
