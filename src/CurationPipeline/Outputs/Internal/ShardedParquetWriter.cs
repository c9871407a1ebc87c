using CurationPipeline.Storage;
using Parquet;

namespace CurationPipeline.Outputs.Internal;

/// <summary>
/// The one implementation of row buffering, row groups, shard rotation and atomic commit behind every output writer.
/// </summary>
/// <remarks>
/// Shards are written through <see cref="IStorage.CreateAtomic"/>: a shard appears under its final name only once its
/// footer is written. Disposing without <see cref="CompleteAsync"/> deletes the open temporary file. Single-threaded.
/// </remarks>
internal sealed class ShardedParquetWriter<TRow> : IAsyncDisposable
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

    public ShardedParquetWriter(IStorage storage, string directory, ShardPolicy policy, ParquetRowLayout<TRow> layout,
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

    /// <summary>Weight accepted so far, across all shards.</summary>
    public long WeightWritten { get; private set; }

    public async ValueTask WriteAsync(TRow row, CancellationToken cancellationToken)
    {
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

    /// <summary>Writes what is buffered, commits the open shard and returns every committed path, in shard order.</summary>
    /// <remarks>A writer that got no rows commits no file.</remarks>
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
