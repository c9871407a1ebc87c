using CurationPipeline.Outputs.Internal;
using CurationPipeline.Storage;
using CurationPipeline.Tokenization;

namespace CurationPipeline.Outputs;

/// <summary>Writes tokenized documents to Parquet shards <c>{prefix}-{shard:D5}.parquet</c> bounded by a token count.</summary>
/// <remarks>
/// Columns: <c>input_ids</c> (standard 3-level <c>list&lt;int32&gt;</c>, never null), <c>id</c>, <c>url</c> (nullable),
/// <c>n_tokens</c> (int32), <c>domain</c>; each file carries <see cref="TokenizedShardMetadata"/> as key-value metadata.
/// Files are readable by pyarrow and DuckDB. A shard is published atomically when it is full or on <see cref="CompleteAsync"/>;
/// <see cref="DisposeAsync"/> without completing deletes the open temporary shard, so a killed run leaves no half shard
/// under a final name. Not thread-safe: one writer block owns it.
/// </remarks>
public sealed class TokenizedShardWriter : IAsyncDisposable
{
    private readonly ShardedParquetWriter<TokenizedDocument> _core;

    /// <summary>Creates a writer; no file is created until the first row group is written.</summary>
    /// <param name="storage">Where the shards go.</param>
    /// <param name="directory">The directory of the shards.</param>
    /// <param name="metadata">The tokenizer description written into every file (<see cref="TokenizedShardMetadata.For"/>).</param>
    /// <param name="options">Shard and row-group bounds; validated here. Defaults when <c>null</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="storage"/> or <paramref name="metadata"/> is <c>null</c>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The options are invalid.</exception>
    public TokenizedShardWriter(IStorage storage, string directory, TokenizedShardMetadata metadata, TokenizedShardOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        options ??= new TokenizedShardOptions();
        options.Validate();
        var policy = new ShardPolicy(options.Prefix, long.MaxValue, options.MaxTokensPerShard, long.MaxValue, options.RowGroupTokens,
            options.Parquet.ToParquetOptions());
        _core = new ShardedParquetWriter<TokenizedDocument>(storage, directory, policy, new TokenizedLayout(), metadata.ToKeyValues());
    }

    /// <summary>Documents accepted so far.</summary>
    public long DocumentsWritten => _core.RowsWritten;

    /// <summary>Tokens accepted so far (end-of-document ids included).</summary>
    public long TokensWritten => _core.WeightWritten;

    /// <summary>Buffers one document (its ids are copied) and writes a row group or rotates the shard when a bound is reached.</summary>
    /// <param name="document">The document; its <see cref="TokenizedDocument.InputIds"/> should end with the end-of-document id.</param>
    /// <param name="cancellationToken">Stops the write.</param>
    /// <exception cref="ArgumentNullException"><paramref name="document"/> is <c>null</c>.</exception>
    /// <exception cref="ObjectDisposedException">The writer was completed or disposed.</exception>
    public ValueTask WriteAsync(TokenizedDocument document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        return _core.WriteAsync(document, cancellationToken);
    }

    /// <summary>Writes what is buffered, publishes the last shard and returns every published path in shard order.</summary>
    /// <param name="cancellationToken">Stops the write.</param>
    /// <returns>The committed file paths (empty when no document was written).</returns>
    public Task<IReadOnlyList<string>> CompleteAsync(CancellationToken cancellationToken) => _core.CompleteAsync(cancellationToken);

    /// <summary>Discards the unpublished shard, if any; published shards stay.</summary>
    public ValueTask DisposeAsync() => _core.DisposeAsync();
}
