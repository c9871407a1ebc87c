using CurationPipeline.Documents;
using CurationPipeline.Outputs.Internal;
using CurationPipeline.Storage;

namespace CurationPipeline.Outputs;

/// <summary>Writes annotated documents to Parquet shards bounded by a row count and by UTF-8 text bytes.</summary>
/// <remarks>
/// Columns: <c>id</c>, <c>url</c>, <c>text</c>, <c>title</c>, <c>declared_language</c>, <c>date</c> (ISO-8601 string, round-trip
/// format), <c>charset</c>, <c>source_path</c>, <c>source_offset</c> (int64), <c>n_chars</c> (int32, UTF-16 length of the text).
/// Read back with <see cref="ShardReader.ReadAnnotatedAsync"/>. Sharding, atomic publication and disposal follow
/// <see cref="ParquetShardWriter{TRow}"/>.
/// </remarks>
public sealed class AnnotatedShardWriter : ParquetShardWriter<AnnotatedDocument>
{
    /// <summary>The value of the <c>schema_version</c> key-value metadata of annotated shards.</summary>
    public const int SchemaVersion = 1;

    /// <summary>Creates a writer; no file is created until the first row group is written.</summary>
    /// <param name="storage">Where the shards go.</param>
    /// <param name="directory">The directory of the shards.</param>
    /// <param name="options">Shard and row-group bounds; validated here. Defaults when <c>null</c>.</param>
    /// <param name="signals">The signal columns every written document carries (<see cref="AnnotatedDocument.Signals"/>); none when <c>null</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="storage"/> is <c>null</c>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The options are invalid.</exception>
    public AnnotatedShardWriter(IStorage storage, string directory, AnnotatedShardOptions? options = null, SignalSchema? signals = null)
        : base(storage, directory, PolicyOf(options ?? new()), new AnnotatedLayout(signals ?? SignalSchema.Empty), ShardPolicy.SchemaMetadata(SchemaVersion))
    {
    }

    private static ShardPolicy PolicyOf(AnnotatedShardOptions options)
    {
        options.Validate();
        return new ShardPolicy(options.Prefix, options.MaxRowsPerShard, options.MaxTextBytesPerShard, options.RowGroupRows,
            options.RowGroupTextBytes, options.Parquet.ToParquetOptions());
    }
}
