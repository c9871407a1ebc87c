using CurationPipeline.Documents;
using CurationPipeline.Outputs.Internal;
using CurationPipeline.Storage;

namespace CurationPipeline.Outputs;

/// <summary>Writes rejections (dropped and failed records with their reason) to Parquet shards bounded by a row count.</summary>
/// <remarks>
/// Columns: <c>id</c>, <c>url</c>, <c>stage</c>, <c>reason</c>, <c>is_error</c> (boolean), <c>detail</c>. Read back with
/// <see cref="ShardReader.ReadRejectsAsync"/>. Sharding, atomic publication and disposal follow <see cref="ParquetShardWriter{TRow}"/>.
/// </remarks>
public sealed class RejectsWriter : ParquetShardWriter<Rejection>
{
    /// <summary>The value of the <c>schema_version</c> key-value metadata of rejects shards.</summary>
    public const int SchemaVersion = 1;

    /// <summary>Creates a writer; no file is created until the first row group is written.</summary>
    /// <param name="storage">Where the shards go.</param>
    /// <param name="directory">The directory of the shards.</param>
    /// <param name="options">Shard and row-group bounds; validated here. Defaults when <c>null</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="storage"/> is <c>null</c>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The options are invalid.</exception>
    public RejectsWriter(IStorage storage, string directory, RejectsWriterOptions? options = null)
        : base(storage, directory, PolicyOf(options ?? new()), new RejectionLayout(), ShardPolicy.SchemaMetadata(SchemaVersion))
    {
    }

    private static ShardPolicy PolicyOf(RejectsWriterOptions options)
    {
        options.Validate();
        return new ShardPolicy(options.Prefix, options.MaxRowsPerShard, long.MaxValue, options.RowGroupRows, long.MaxValue,
            options.Parquet.ToParquetOptions());
    }
}
