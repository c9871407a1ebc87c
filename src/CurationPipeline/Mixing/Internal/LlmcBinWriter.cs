using System.Buffers;
using System.Buffers.Binary;
using CurationPipeline.Storage;

namespace CurationPipeline.Mixing.Internal;

/// <summary>
/// Writes llm.c / modded-nanogpt <c>.bin</c> shards: a 1024-byte header of 256 int32 LE (<c>[0]</c> magic, <c>[1]</c> version,
/// <c>[2]</c> token count), then the tokens, uint16 LE (magic 20240520, version 1) when the vocabulary fits, otherwise uint32 LE
/// (magic 20240801, version 7). The end-of-document id goes <b>before</b> each document, as llm.c expects.
/// Files are <c>{prefix}_{index:D6}.bin</c>; the storage stream must be seekable (the count is patched into the header at close).
/// </summary>
internal sealed class LlmcBinWriter : ITokenFileWriter
{
    private const int HeaderBytes = 1024;

    private readonly IStorage _storage;
    private readonly string _directory;
    private readonly string _prefix;
    private readonly long _maxTokensPerShard;
    private readonly int _eodId;
    private readonly bool _wide;
    private readonly List<string> _committed = [];
    private int _nextIndex;
    private AtomicWrite? _file;
    private long _shardTokens;

    public LlmcBinWriter(IStorage storage, string directory, string prefix, int firstIndex, long maxTokensPerShard, int vocabularySize, int eodId)
    {
        _storage = storage;
        _directory = directory;
        _prefix = prefix;
        _nextIndex = firstIndex;
        _maxTokensPerShard = maxTokensPerShard;
        _eodId = eodId;
        _wide = vocabularySize > ushort.MaxValue + 1;
    }

    public IReadOnlyList<string> Committed => _committed;

    /// <inheritdoc/>
    public async ValueTask WriteAsync(ReadOnlyMemory<int> inputIds, CancellationToken cancellationToken)
    {
        int tokens = inputIds.Length; // the trailing end-of-document id moves to the front
        if (_file is not null && _shardTokens > 0 && _shardTokens + tokens > _maxTokensPerShard)
        {
            await CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        if (_file is null)
        {
            _file = _storage.CreateAtomic(_storage.Combine(_directory, $"{_prefix}_{_nextIndex++:D6}.bin"));
            if (!_file.Stream.CanSeek)
            {
                throw new NotSupportedException("llm.c .bin shards need a seekable storage stream (the header holds the token count).");
            }

            await _file.Stream.WriteAsync(new byte[HeaderBytes], cancellationToken).ConfigureAwait(false);
            _shardTokens = 0;
        }

        int width = _wide ? 4 : 2;
        byte[] buffer = ArrayPool<byte>.Shared.Rent(tokens * width);
        try
        {
            ReadOnlySpan<int> ids = inputIds.Span;
            Put(buffer, 0, _eodId);
            for (int i = 0; i < tokens - 1; i++)
            {
                Put(buffer, (i + 1) * width, ids[i]);
            }

            await _file.Stream.WriteAsync(buffer.AsMemory(0, tokens * width), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        _shardTokens += tokens;
    }

    /// <inheritdoc/>
    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        if (_file is not null)
        {
            await CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_file is not null)
        {
            await _file.DisposeAsync().ConfigureAwait(false);
            _file = null;
        }
    }

    private void Put(byte[] buffer, int offset, int id)
    {
        if (_wide)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(buffer.AsSpan(offset), (uint)id);
        }
        else
        {
            BinaryPrimitives.WriteUInt16LittleEndian(buffer.AsSpan(offset), checked((ushort)id));
        }
    }

    private async Task CommitAsync(CancellationToken cancellationToken)
    {
        AtomicWrite file = _file!;
        _file = null;
        await using (file.ConfigureAwait(false))
        {
            byte[] header = new byte[12];
            BinaryPrimitives.WriteInt32LittleEndian(header, _wide ? 20240801 : 20240520);
            BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(4), _wide ? 7 : 1);
            BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(8), checked((int)_shardTokens));
            file.Stream.Position = 0;
            await file.Stream.WriteAsync(header, cancellationToken).ConfigureAwait(false);
            await file.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        _committed.Add(file.Path);
    }
}
