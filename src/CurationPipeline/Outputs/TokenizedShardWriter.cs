using CurationPipeline.Outputs.Internal;
using CurationPipeline.Storage;
using CurationPipeline.Tokenization;

namespace CurationPipeline.Outputs;

/// <summary>Writes tokenized documents to Parquet shards bounded by a token count.</summary>
/// <remarks>
/// Columns: <c>input_ids</c> (standard 3-level <c>list&lt;int32&gt;</c>, never null), <c>id</c>, <c>url</c> (nullable),
/// <c>n_tokens</c> (int32), <c>domain</c>. Each file carries <see cref="TokenizedShardMetadata"/> as key-value metadata.
/// pyarrow and DuckDB read the files. Sharding, atomic publication and disposal follow <see cref="ParquetShardWriter{TRow}"/>.
/// </remarks>
public sealed class TokenizedShardWriter : ParquetShardWriter<TokenizedDocument>
{
    /// <summary>Creates a writer; no file is created until the first row group is written.</summary>
    /// <param name="storage">Where the shards go.</param>
    /// <param name="directory">The directory of the shards.</param>
    /// <param name="metadata">The tokenizer description written into every file (<see cref="TokenizedShardMetadata.For"/>).</param>
    /// <param name="options">Shard and row-group bounds; validated here. Defaults when <c>null</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="storage"/> or <paramref name="metadata"/> is <c>null</c>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The options are invalid.</exception>
    public TokenizedShardWriter(IStorage storage, string directory, TokenizedShardMetadata metadata, TokenizedShardOptions? options = null)
        : base(storage, directory, PolicyOf(options ?? new()), new TokenizedLayout(), MetadataOf(metadata))
    {
    }

    /// <summary>Documents accepted so far.</summary>
    public long DocumentsWritten => RowsWritten;

    /// <summary>Tokens accepted so far (end-of-document ids included).</summary>
    public long TokensWritten => WeightWritten;

    private static ShardPolicy PolicyOf(TokenizedShardOptions options)
    {
        options.Validate();
        return new ShardPolicy(options.Prefix, long.MaxValue, options.MaxTokensPerShard, long.MaxValue, options.RowGroupTokens,
            options.Parquet.ToParquetOptions());
    }

    private static IReadOnlyDictionary<string, string> MetadataOf(TokenizedShardMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        return metadata.ToKeyValues();
    }
}
