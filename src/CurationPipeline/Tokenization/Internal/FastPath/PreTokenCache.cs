using System.Runtime.InteropServices;

namespace CurationPipeline.Tokenization.Internal.FastPath;

/// <summary>
/// A bounded map from a pre-token's UTF-8 bytes to the ids byte-pair merging gave it, for one thread. Direct-mapped by hash into one
/// flat array (a new entry replaces whatever held its slot), each entry in two cache lines with its key and ids inline, so the
/// memory is fixed (<see cref="Slots"/> × 128 bytes) and a hit reads no other object.
/// </summary>
internal sealed class PreTokenCache
{
    /// <summary>The number of entries (a power of two).</summary>
    public const int Slots = 1 << SlotBits;

    /// <summary>The longest key cached, in bytes; longer pieces are merged every time.</summary>
    public const int MaxKeyBytes = (SlotInts - KeyStart) * sizeof(int);

    /// <summary>The most ids cached for one key.</summary>
    public const int MaxIds = KeyStart - IdsStart;

    private const int SlotBits = 14;
    private const int SlotInts = 32;
    private const int IdsStart = 4;
    private const int KeyStart = 20;

    // Per slot: [0..1] hash, [2] key length (0: empty), [3] id count, [4..19] ids, [20..31] key bytes.
    private readonly int[] _entries = new int[Slots * SlotInts];

    /// <summary>Appends the cached ids of <paramref name="bytes"/> (whose <see cref="BytePairVocabulary.Hash"/> is
    /// <paramref name="hash"/>) to <paramref name="destination"/>; <c>false</c> when they are not cached.</summary>
    public bool TryAppend(ReadOnlySpan<byte> bytes, ulong hash, List<int> destination)
    {
        Span<int> entry = _entries.AsSpan(Slot(hash), SlotInts);
        if (entry[2] != bytes.Length || MemoryMarshal.Read<ulong>(MemoryMarshal.AsBytes(entry)) != hash
            || !MemoryMarshal.AsBytes(entry[KeyStart..])[..bytes.Length].SequenceEqual(bytes))
        {
            return false;
        }

        destination.AddRange(entry.Slice(IdsStart, entry[3]));
        return true;
    }

    /// <summary>Stores the ids of <paramref name="bytes"/>, replacing the slot's previous entry; keys longer than
    /// <see cref="MaxKeyBytes"/> or with more than <see cref="MaxIds"/> ids are not stored.</summary>
    public void Add(ReadOnlySpan<byte> bytes, ulong hash, ReadOnlySpan<int> ids)
    {
        if (bytes.Length > MaxKeyBytes || ids.Length > MaxIds)
        {
            return;
        }

        Span<int> entry = _entries.AsSpan(Slot(hash), SlotInts);
        MemoryMarshal.Write(MemoryMarshal.AsBytes(entry), hash);
        entry[2] = bytes.Length;
        entry[3] = ids.Length;
        ids.CopyTo(entry[IdsStart..]);
        bytes.CopyTo(MemoryMarshal.AsBytes(entry[KeyStart..]));
    }

    private static int Slot(ulong hash) => (int)(hash >> (64 - SlotBits)) * SlotInts;
}
