using System.Buffers;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using CurationPipeline.Storage.Azure.Internal;

namespace CurationPipeline.Storage.Azure;

/// <summary>
/// A seekable read-only stream over a blob: ranged downloads of <see cref="AzureBlobStorageOptions.ReadChunkBytes"/>, and while a
/// chunk is consumed the next one is fetched (read-ahead: at once when the reader moved on sequentially from the chunk before,
/// else once half the chunk is consumed), so sequential reads overlap the network. Memory is two pooled chunks whatever the blob
/// size. A seek outside the chunk in hand drops the read-ahead.
/// </summary>
/// <remarks>
/// Every range is read from the version that was opened (<c>If-Match</c> its ETag): a blob replaced meanwhile fails the read
/// (412) instead of mixing two versions. Not thread-safe, as streams are not. Failed requests raise the exceptions of
/// <see cref="AzureBlobStorage"/>.
/// </remarks>
public sealed class BlobReadStream : Stream
{
    private readonly BlobClient _blob;
    private readonly AzureBlobPath _path;
    private readonly ETag _version;
    private readonly int _chunkBytes;
    private readonly AzureStorageStats _stats;
    private readonly CancellationTokenSource _disposed = new();
    private long _position;
    private Chunk? _current;
    private Task<Chunk>? _ahead;
    private bool _sequential;

    internal BlobReadStream(BlobClient blob, AzureBlobPath path, long length, ETag version, int chunkBytes, AzureStorageStats stats)
    {
        _blob = blob;
        _version = version;
        _path = path;
        Length = length;
        _chunkBytes = chunkBytes;
        _stats = stats;
    }

    /// <inheritdoc/>
    public override bool CanRead => true;

    /// <inheritdoc/>
    public override bool CanSeek => true;

    /// <inheritdoc/>
    public override bool CanWrite => false;

    /// <inheritdoc/>
    public override long Length { get; }

    /// <inheritdoc/>
    public override long Position
    {
        get => _position;
        set => Seek(value, SeekOrigin.Begin);
    }

    /// <inheritdoc/>
    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    /// <inheritdoc/>
    public override int Read(Span<byte> buffer)
    {
        if (_position >= Length || buffer.IsEmpty)
        {
            return 0;
        }

        if (_current is null || !_current.Contains(_position))
        {
            Task<Chunk> fetch = TakeAheadOrFetch();
            SetCurrent(fetch.GetAwaiter().GetResult()); // a synchronous read waits for the network, as FileStream waits for the disk
        }

        return CopyOut(buffer);
    }

    /// <inheritdoc/>
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <inheritdoc/>
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_position >= Length || buffer.IsEmpty)
        {
            return 0;
        }

        if (_current is null || !_current.Contains(_position))
        {
            SetCurrent(await TakeAheadOrFetch().WaitAsync(cancellationToken).ConfigureAwait(false));
        }

        return CopyOut(buffer.Span);
    }

    /// <inheritdoc/>
    public override long Seek(long offset, SeekOrigin origin)
    {
        long target = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            SeekOrigin.End => Length + offset,
            _ => throw new ArgumentOutOfRangeException(nameof(origin)),
        };
        ArgumentOutOfRangeException.ThrowIfNegative(target, nameof(offset));
        _position = target;
        return target;
    }

    /// <inheritdoc/>
    public override void Flush()
    {
    }

    /// <inheritdoc/>
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing && !_disposed.IsCancellationRequested)
        {
            _disposed.Cancel();
            _current?.Release();
            _current = null;
            DropAhead();
            _disposed.Dispose();
        }

        base.Dispose(disposing);
    }

    private int CopyOut(Span<byte> buffer)
    {
        Chunk chunk = _current!;
        int offset = (int)(_position - chunk.Start);
        int count = Math.Min(buffer.Length, chunk.Count - offset);
        chunk.Data.AsSpan(offset, count).CopyTo(buffer);
        _position += count;
        if (_ahead is null && chunk.Start + chunk.Count < Length && (_sequential || _position - chunk.Start > chunk.Count / 2))
        {
            // A sequential reader (this chunk follows the last one, or half of it is consumed): fetch the next one meanwhile.
            _ahead = FetchAsync(chunk.Start + chunk.Count, _disposed.Token);
        }

        return count;
    }

    private Task<Chunk> TakeAheadOrFetch()
    {
        if (_ahead is { } ahead && ahead.IsCompletedSuccessfully && ahead.Result.Contains(_position))
        {
            _ahead = null;
            return ahead;
        }

        if (_ahead is not null && !_ahead.IsCompleted && _current is not null && _position == _current.Start + _current.Count)
        {
            // The sequential next chunk is on its way.
            Task<Chunk> pending = _ahead;
            _ahead = null;
            return pending;
        }

        DropAhead();
        return FetchAsync(_position, _disposed.Token);
    }

    private void SetCurrent(Chunk chunk)
    {
        _sequential = chunk.Start == (_current is null ? 0 : _current.Start + _current.Count);
        _current?.Release();
        _current = chunk;
    }

    private void DropAhead()
    {
        if (_ahead is { } ahead)
        {
            _ahead = null;
            // Its buffer goes back to the pool once the download is over, however it ends.
            ahead.ContinueWith(static t =>
            {
                if (t.IsCompletedSuccessfully)
                {
                    t.Result.Release();
                }
                else
                {
                    _ = t.Exception; // a dropped read-ahead's failure concerns no reader
                }
            }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    private async Task<Chunk> FetchAsync(long start, CancellationToken cancellationToken)
    {
        int count = (int)Math.Min(_chunkBytes, Length - start);
        byte[] data = ArrayPool<byte>.Shared.Rent(count);
        try
        {
            Response<BlobDownloadStreamingResult> response = await _blob.DownloadStreamingAsync(
                new BlobDownloadOptions { Range = new HttpRange(start, count), Conditions = new BlobRequestConditions { IfMatch = _version } },
                cancellationToken).ConfigureAwait(false);
            await using (Stream content = response.Value.Content)
            {
                await content.ReadExactlyAsync(data.AsMemory(0, count), cancellationToken).ConfigureAwait(false);
            }

            _stats.AddRead(count);
            return new Chunk(start, data, count);
        }
        catch (Exception e) when (BlobErrors.IsStorageFailure(e) || e is EndOfStreamException)
        {
            ArrayPool<byte>.Shared.Return(data);
            throw BlobErrors.Translate(e, _path, "reading");
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(data);
            throw;
        }
    }

    private sealed class Chunk(long start, byte[] data, int count)
    {
        public long Start { get; } = start;

        public byte[] Data { get; } = data;

        public int Count { get; } = count;

        public bool Contains(long position) => position >= Start && position < Start + Count;

        public void Release() => ArrayPool<byte>.Shared.Return(Data);
    }
}
