using System.Buffers;
using System.Text;
using Azure.Storage.Blobs.Specialized;

namespace CurationPipeline.Storage.Azure.Internal;

/// <summary>
/// The write side of <see cref="BlobAtomicWrite"/>: bytes are cut into blocks that are staged (uploaded, still invisible) as they
/// fill, at most <see cref="AzureBlobStorageOptions.MaxUploadsInFlight"/> at a time. The first block stays in memory until
/// <see cref="CompleteAsync"/>, so a writer may seek back into it to rewrite a header (an llm.c shard's token count); seeking
/// anywhere else is refused.
/// </summary>
internal sealed class BlockUploadStream : Stream
{
    private readonly BlockBlobClient _blob;
    private readonly AzureBlobPath _path;
    private readonly AzureBlobStorageOptions _options;
    private readonly AzureStorageStats _stats;
    private readonly string _idPrefix = Guid.NewGuid().ToString("N");
    private readonly List<string> _laterIds = [];
    private readonly Queue<Task> _staging = new();
    private byte[]? _first;
    private int _firstCount;
    private byte[]? _current;
    private int _currentCount;
    private long _length;
    private long _position;
    private bool _closed;

    public BlockUploadStream(BlockBlobClient blob, AzureBlobPath path, AzureBlobStorageOptions options, AzureStorageStats stats)
    {
        _blob = blob;
        _path = path;
        _options = options;
        _stats = stats;
        _first = ArrayPool<byte>.Shared.Rent(options.BlockBytes);
    }

    public override bool CanRead => false;

    public override bool CanSeek => !_closed;

    public override bool CanWrite => !_closed;

    public override long Length => _length;

    public override long Position
    {
        get => _position;
        set => Seek(value, SeekOrigin.Begin);
    }

    public override long Seek(long offset, SeekOrigin origin)
    {
        long target = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            SeekOrigin.End => _length + offset,
            _ => throw new ArgumentOutOfRangeException(nameof(origin)),
        };
        if (target != _length && (target < 0 || target > _firstCount))
        {
            throw new NotSupportedException($"A blob write can only seek within its first {_options.BlockBytes} bytes or to its end ({_path}).");
        }

        _position = target;
        return target;
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        buffer = Overwrite(buffer);
        while (!buffer.IsEmpty)
        {
            buffer = Append(buffer, out byte[]? full);
            if (full is not null)
            {
                // A synchronous writer waits for the network, as it would wait for a disk.
                StageAsync(full).GetAwaiter().GetResult();
            }
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        int overwritten = buffer.Length - Overwrite(buffer.Span).Length;
        buffer = buffer[overwritten..];
        while (!buffer.IsEmpty)
        {
            int before = buffer.Length;
            int left = Append(buffer.Span, out byte[]? full).Length;
            buffer = buffer[(before - left)..];
            if (full is not null)
            {
                await StageAsync(full).WaitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    /// <summary>Stages the last and the first block, waits for every upload, and returns the block list to commit (empty for an empty blob).</summary>
    public async Task<IReadOnlyList<string>> CompleteAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_closed, this);
        _closed = true;
        if (_current is { } last)
        {
            _current = null;
            _laterIds.Add(BlockId(_laterIds.Count + 1));
            _staging.Enqueue(StageOneAsync(_laterIds[^1], last, _currentCount, cancellationToken));
        }

        byte[] first = _first!;
        _first = null;
        if (_length > 0)
        {
            _staging.Enqueue(StageOneAsync(BlockId(0), first, _firstCount, cancellationToken));
        }
        else
        {
            ArrayPool<byte>.Shared.Return(first);
        }

        while (_staging.TryDequeue(out Task? staging))
        {
            await staging.ConfigureAwait(false);
        }

        return _length == 0 ? [] : [BlockId(0), .. _laterIds];
    }

    /// <summary>Waits for uploads in flight (their failures no longer matter) and returns the buffers.</summary>
    public async Task AbandonAsync()
    {
        _closed = true;
        while (_staging.TryDequeue(out Task? staging))
        {
            try
            {
                await staging.ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or OperationCanceledException)
            {
                // The write is being discarded: an upload that failed has nothing left to spoil.
            }
        }

        Return(ref _first);
        Return(ref _current);
    }

    private static void Return(ref byte[]? buffer)
    {
        if (buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = null;
        }
    }

    /// <summary>Writes the part of <paramref name="buffer"/> that falls before the end (after a seek back); returns the rest.</summary>
    private ReadOnlySpan<byte> Overwrite(ReadOnlySpan<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_closed, this);
        if (_position == _length)
        {
            return buffer;
        }

        if (_position + buffer.Length > _firstCount)
        {
            throw new NotSupportedException($"A blob write can only rewrite bytes of its first block ({_path}).");
        }

        buffer.CopyTo(_first.AsSpan((int)_position));
        _position += buffer.Length;
        return [];
    }

    /// <summary>Appends what fits in the block being filled; <paramref name="full"/> is that block when it filled up.</summary>
    private ReadOnlySpan<byte> Append(ReadOnlySpan<byte> buffer, out byte[]? full)
    {
        full = null;
        int block = _options.BlockBytes;
        int taken;
        if (_laterIds.Count == 0 && _current is null && _firstCount < block)
        {
            taken = Math.Min(block - _firstCount, buffer.Length);
            buffer[..taken].CopyTo(_first.AsSpan(_firstCount));
            _firstCount += taken;
        }
        else
        {
            _current ??= ArrayPool<byte>.Shared.Rent(block);
            taken = Math.Min(block - _currentCount, buffer.Length);
            buffer[..taken].CopyTo(_current.AsSpan(_currentCount));
            _currentCount += taken;
            if (_currentCount == block)
            {
                full = _current;
                _current = null;
                _currentCount = 0;
            }
        }

        _length += taken;
        _position = _length;
        return buffer[taken..];
    }

    /// <summary>Starts staging a full block, first waiting for the oldest upload when as many are in flight as allowed.</summary>
    private async Task StageAsync(byte[] full)
    {
        while (_staging.Count >= _options.MaxUploadsInFlight)
        {
            await _staging.Dequeue().ConfigureAwait(false);
        }

        _laterIds.Add(BlockId(_laterIds.Count + 1));
        _staging.Enqueue(StageOneAsync(_laterIds[^1], full, _options.BlockBytes, CancellationToken.None));
    }

    private async Task StageOneAsync(string blockId, byte[] data, int count, CancellationToken cancellationToken)
    {
        try
        {
            using var content = new MemoryStream(data, 0, count, writable: false);
            await _blob.StageBlockAsync(blockId, content, options: null, cancellationToken).ConfigureAwait(false);
            _stats.AddWritten(count);
        }
        catch (Exception e) when (BlobErrors.IsStorageFailure(e))
        {
            throw BlobErrors.Translate(e, _path, "writing");
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(data);
        }
    }

    private string BlockId(int index) =>
        Convert.ToBase64String(Encoding.ASCII.GetBytes(_idPrefix + index.ToString("D8", System.Globalization.CultureInfo.InvariantCulture)));
}
