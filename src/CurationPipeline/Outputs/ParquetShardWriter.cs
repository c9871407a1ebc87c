using CurationPipeline.Outputs.Internal;
using CurationPipeline.Storage;
using Parquet;

namespace CurationPipeline.Outputs;

/// <summary>
/// Writes rows to Parquet shards <c>{prefix}-{shard:D5}.parquet</c> in a directory: the one implementation of row buffering,
/// row groups, shard rotation and atomic commit behind <see cref="TokenizedShardWriter"/>, <see cref="AnnotatedShardWriter"/>
/// and <see cref="RejectsWriter"/>.
/// </summary>
/// <typeparam name="TRow">The row type.</typeparam>
/// <remarks>
/// Shards are written through <see cref="IStorage.CreateAtomic"/>: a shard appears under its final name only once its footer is
/// written, when a shard bound is reached or on <see cref="CompleteAsync"/>. <see cref="DisposeAsync"/> without completing deletes
/// the open temporary shard, so a killed run leaves no half shard under a final name (published shards stay).
/// Not thread-safe: the pipeline has one writer block per output.
/// </remarks>
public abstract class ParquetShardWriter<TRow> : IAsyncDisposable
    where TRow : class
{
    private readonly IStorage _storage;
    private readonly string _directory;
    private readonly ShardPolicy _policy;
    private readonly ParquetRowLayout<TRow> _layout;
    private readonly IReadOnlyDictionary<string, string> _metadata;
    private readonly List<string> _committed = [];
    private AtomicWrite? _file;
    private ParquetWriter? _writer;
    private long _shardRows;
    private long _shardWeight;
    private long _bufferedWeight;
    private bool _closed;

    private protected ParquetShardWriter(IStorage storage, string directory, ShardPolicy policy, ParquetRowLayout<TRow> layout,
        IReadOnlyDictionary<string, string> metadata)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentException.ThrowIfNullOrEmpty(directory);
        _storage = storage;
        _directory = directory;
        _policy = policy;
        _layout = layout;
        _metadata = metadata;
    }

    /// <summary>Rows accepted so far, across all shards.</summary>
    public long RowsWritten { get; private set; }

    /// <summary>Weight (tokens, text bytes) accepted so far, across all shards.</summary>
    private protected long WeightWritten { get; private set; }

    /// <summary>Buffers one row (copying what it needs); writes a row group or publishes the shard when a bound is reached.</summary>
    /// <param name="row">The row.</param>
    /// <param name="cancellationToken">Stops the write.</param>
    /// <exception cref="ArgumentNullException"><paramref name="row"/> is <c>null</c>.</exception>
    /// <exception cref="ObjectDisposedException">The writer was completed or disposed.</exception>
    public async ValueTask WriteAsync(TRow row, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        ObjectDisposedException.ThrowIf(_closed, this);
        long weight = _layout.WeightOf(row);
        if (_shardRows > 0 && (_shardRows + 1 > _policy.MaxShardRows || _shardWeight + weight > _policy.MaxShardWeight))
        {
            await CommitShardAsync(cancellationToken).ConfigureAwait(false);
        }

        _layout.Append(row);
        _shardRows++;
        _shardWeight += weight;
        _bufferedWeight += weight;
        RowsWritten++;
        WeightWritten += weight;
        if (_layout.Count >= _policy.RowGroupRows || _bufferedWeight >= _policy.RowGroupWeight)
        {
            await FlushRowGroupAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Writes what is buffered, publishes the last shard and returns every published path, in shard order.</summary>
    /// <param name="cancellationToken">Stops the write.</param>
    /// <returns>The committed file paths; empty when no row was written (no file is created).</returns>
    /// <exception cref="ObjectDisposedException">The writer was completed or disposed.</exception>
    public async Task<IReadOnlyList<string>> CompleteAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_closed, this);
        if (_shardRows > 0)
        {
            await CommitShardAsync(cancellationToken).ConfigureAwait(false);
        }

        _closed = true;
        return _committed.ToArray();
    }

    /// <summary>Discards the unpublished shard, if any; published shards stay.</summary>
    public async ValueTask DisposeAsync()
    {
        _closed = true;
        _writer = null; // never finish the footer of a discarded shard; the temporary file is deleted below.
        if (_file is not null)
        {
            AtomicWrite file = _file;
            _file = null;
            await file.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task FlushRowGroupAsync(CancellationToken cancellationToken)
    {
        if (_layout.Count == 0)
        {
            return;
        }

        if (_writer is null)
        {
            _file = _storage.CreateAtomic(_storage.Combine(_directory, _policy.FileName(_committed.Count)));
            _writer = await ParquetWriter.CreateAsync(_layout.Schema, _file.Stream, _policy.Parquet, append: false, cancellationToken)
                .ConfigureAwait(false);
            _writer.CustomMetadata = _metadata;
        }

        using (ParquetRowGroupWriter rowGroup = _writer.CreateRowGroup())
        {
            await _layout.WriteAsync(rowGroup, cancellationToken).ConfigureAwait(false);
        }

        _bufferedWeight = 0;
    }

    private async Task CommitShardAsync(CancellationToken cancellationToken)
    {
        await FlushRowGroupAsync(cancellationToken).ConfigureAwait(false);
        ParquetWriter writer = _writer!;
        AtomicWrite file = _file!;
        _writer = null;
        _file = null;
        await using (file.ConfigureAwait(false))
        {
            await writer.DisposeAsync().ConfigureAwait(false); // writes the footer
            await file.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        _committed.Add(file.Path);
        _shardRows = 0;
        _shardWeight = 0;
    }
}
