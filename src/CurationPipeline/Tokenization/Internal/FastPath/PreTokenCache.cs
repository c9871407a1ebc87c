namespace CurationPipeline.Tokenization.Internal.FastPath;

/// <summary>
/// A bounded map from a pre-token's UTF-8 bytes to the ids byte-pair merging gave it, for one thread: direct-mapped by hash, so a
/// new entry replaces whatever held its slot and the memory never grows past <see cref="Slots"/> entries.
/// </summary>
internal sealed class PreTokenCache
{
    /// <summary>The number of entries (a power of two).</summary>
    public const int Slots = 8192;

    private const int SlotShift = 64 - 13;

    private readonly ulong[] _hashes = new ulong[Slots];
    private readonly byte[]?[] _keys = new byte[]?[Slots];
    private readonly int[]?[] _ids = new int[]?[Slots];

    /// <summary>The cached ids of <paramref name="bytes"/> (whose <see cref="BytePairVocabulary.Hash"/> is <paramref name="hash"/>), or <c>null</c>.</summary>
    public int[]? Find(ReadOnlySpan<byte> bytes, ulong hash)
    {
        int slot = (int)(hash >> SlotShift);
        return _hashes[slot] == hash && _keys[slot] is { } key && bytes.SequenceEqual(key) ? _ids[slot] : null;
    }

    /// <summary>Stores the ids of <paramref name="bytes"/>, replacing the slot's previous entry.</summary>
    public void Add(ReadOnlySpan<byte> bytes, ulong hash, ReadOnlySpan<int> ids)
    {
        int slot = (int)(hash >> SlotShift);
        _hashes[slot] = hash;
        _keys[slot] = bytes.ToArray();
        _ids[slot] = ids.ToArray();
    }
}
