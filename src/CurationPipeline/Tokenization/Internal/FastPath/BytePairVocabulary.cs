using System.Buffers.Binary;
using System.Buffers.Text;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text.Unicode;

namespace CurationPipeline.Tokenization.Internal.FastPath;

/// <summary>
/// A tiktoken vocabulary laid out for the fast path: whole pre-tokens looked up by their UTF-8 bytes, and every merge as a pair of
/// ids (left, right) mapped to the id of their concatenation, so byte-pair merging never touches bytes after the first step.
/// Both tables are open-addressed and hold what a lookup compares inline (a token's first 8 bytes; a pair packed in one word),
/// so most lookups read one cache line.
/// </summary>
/// <remarks>
/// Parsed from the same tiktoken ranks bytes Microsoft.ML.Tokenizers loads (which keeps its byte-level table internal); a token's
/// rank is its id. Only tokens whose bytes decode to text without U+FFFD are whole-piece entries: the reference looks pieces up
/// by their decoded text and sends every other piece through byte-pair merging. Immutable after construction; thread-safe.
/// </remarks>
internal sealed class BytePairVocabulary
{
    /// <summary>The merge rank meaning "these two parts do not merge".</summary>
    public const int NoMerge = int.MaxValue;

    /// <summary>Ids must fit in 18 bits to pack a pair and its merge in one table word.</summary>
    private const int IdBits = 18;

    private const ulong IdMask = (1UL << IdBits) - 1;

    private readonly int[] _byteIds = new int[256];
    private readonly int[] _bytePairs = new int[256 * 256];
    private readonly TokenSlot[] _slots;
    private readonly int _slotShift;
    private readonly byte[] _tails;
    private readonly int[] _tailOffsets;
    private readonly ulong[] _pairs;
    private readonly int _pairShift;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // runs once, over every token: skip the unoptimized first tier
    private BytePairVocabulary(byte[]?[] tokens)
    {
        // Bytes past the first 8 of long tokens, in one array.
        _tailOffsets = new int[tokens.Length];
        var tails = new MemoryStream();
        for (int id = 0; id < tokens.Length; id++)
        {
            if (tokens[id] is { } bytes)
            {
                if (bytes.Length == 1)
                {
                    _byteIds[bytes[0]] = id;
                }

                _tailOffsets[id] = (int)tails.Length;
                tails.Write(bytes.AsSpan(Math.Min(8, bytes.Length)));
            }
        }

        _tails = tails.ToArray();
        (int size, _slotShift) = TableSize(tokens.Length);
        _slots = new TokenSlot[size];
        for (int id = 0; id < tokens.Length; id++)
        {
            if (tokens[id] is not { } bytes)
            {
                continue;
            }

            int slot = (int)(Hash(bytes) >> _slotShift);
            while (_slots[slot].Length != 0)
            {
                slot = (slot + 1) & (size - 1);
            }

            // The reference looks a piece up by its decoded text, so a token whose bytes decode with U+FFFD is never a whole piece.
            bool whole = Utf8.IsValid(bytes) && bytes.AsSpan().IndexOf("\uFFFD"u8) < 0;
            _slots[slot] = new TokenSlot(Head(bytes), id, (ushort)bytes.Length, whole);
        }

        var pairs = new List<ulong>(tokens.Length * 2);
        for (int id = 0; id < tokens.Length; id++)
        {
            byte[]? bytes = tokens[id];
            for (int split = 1; split < (bytes?.Length ?? 0); split++)
            {
                int left = Find(bytes.AsSpan(0, split), wholeOnly: false);
                int right = left < 0 ? -1 : Find(bytes.AsSpan(split), wholeOnly: false);
                if (right >= 0)
                {
                    pairs.Add(PairKey(left, right) | (uint)id);
                }
            }
        }

        for (int pair = 0; pair < _bytePairs.Length; pair++)
        {
            _bytePairs[pair] = Find([(byte)(pair >> 8), (byte)pair], wholeOnly: false) is int id and >= 0 ? id : NoMerge;
        }

        (size, _pairShift) = TableSize(pairs.Count);
        _pairs = new ulong[size];
        Array.Fill(_pairs, ulong.MaxValue);
        foreach (ulong pair in pairs)
        {
            int slot = PairSlot(pair & ~IdMask);
            while (_pairs[slot] != ulong.MaxValue && (_pairs[slot] & ~IdMask) != (pair & ~IdMask))
            {
                slot = (slot + 1) & (size - 1);
            }

            _pairs[slot] = pair;
        }
    }

    /// <summary>The vocabulary of a tiktoken ranks file, or <c>null</c> when it does not fit the fast path (a single byte without a
    /// token, a token over 65535 bytes, an id of 2^18 or more). The file is read as Microsoft.ML.Tokenizers reads it: an optional <c>Capacity: N</c> line, then either <c>base64 rank</c>
    /// lines or bare <c>base64</c> lines whose rank is their line number; a token's rank is its id.</summary>
    /// <exception cref="FormatException">A line is neither form.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static BytePairVocabulary? TryParse(ReadOnlySpan<byte> ranksFile)
    {
        var tokens = new List<byte[]?>();
        var singleBytes = new bool[256];
        int lineNumber = -1;
        bool? implicitRanks = null;
        foreach (Range range in ranksFile.Split((byte)'\n'))
        {
            ReadOnlySpan<byte> line = ranksFile[range].TrimEnd((byte)'\r');
            if (lineNumber < 0 && (line.IsEmpty || line.StartsWith("Capacity: "u8)))
            {
                continue; // the size hint and the blank lines before the first token
            }

            lineNumber++;
            if (line.IsEmpty)
            {
                continue;
            }

            int space = line.IndexOf((byte)' ');
            implicitRanks ??= space < 0;
            int id = lineNumber;
            if (implicitRanks == false
                && (space <= 0 || !Utf8Parser.TryParse(line[(space + 1)..], out id, out int used) || used != line.Length - space - 1))
            {
                throw new FormatException("A tiktoken ranks line is not 'base64 rank'.");
            }

            ReadOnlySpan<byte> base64 = implicitRanks == true ? line : line[..space];
            byte[] bytes = new byte[Base64.GetMaxDecodedFromUtf8Length(base64.Length)];
            if (Base64.DecodeFromUtf8(base64, bytes, out _, out int length) != System.Buffers.OperationStatus.Done)
            {
                throw new FormatException("A tiktoken token is not base64.");
            }

            bytes = bytes.Length == length ? bytes : bytes[..length];
            if (bytes.Length == 0 || id < 0)
            {
                throw new FormatException("A tiktoken token is empty or its rank is negative.");
            }

            if (bytes.Length > ushort.MaxValue || id >= 1 << IdBits)
            {
                return null; // beyond what the packed tables hold
            }

            while (tokens.Count <= id)
            {
                tokens.Add(null);
            }

            tokens[id] = bytes;
            singleBytes[bytes[0]] |= bytes.Length == 1;
        }

        return singleBytes.All(b => b) ? new BytePairVocabulary([.. tokens]) : null;
    }

    /// <summary>The id of the one-byte token <paramref name="value"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int ByteId(byte value) => _byteIds[value];

    /// <summary>The id of the token spelled exactly <paramref name="bytes"/> when the reference would take the whole piece as that
    /// token (it decodes without U+FFFD), else -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int FindWhole(ReadOnlySpan<byte> bytes) => Find(bytes, wholeOnly: true);

    /// <summary>The id of the two-byte token <paramref name="first"/>, <paramref name="second"/> (its merge rank), or
    /// <see cref="NoMerge"/>: the first merges of every piece, from a dense table that stays in cache.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int MergeBytes(byte first, byte second) => _bytePairs[(first << 8) | second];

    /// <summary>The id of the concatenation of tokens <paramref name="left"/> and <paramref name="right"/> (its merge rank), or
    /// <see cref="NoMerge"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Merge(int left, int right)
    {
        ulong key = PairKey(left, right);
        int mask = _pairs.Length - 1;
        for (int slot = PairSlot(key); ; slot = (slot + 1) & mask)
        {
            ulong found = _pairs[slot];
            if ((found & ~IdMask) == key)
            {
                return (int)(found & IdMask);
            }

            if (found == ulong.MaxValue)
            {
                return NoMerge;
            }
        }
    }

    private int Find(ReadOnlySpan<byte> bytes, bool wholeOnly)
    {
        ulong head = Head(bytes);
        int mask = _slots.Length - 1;
        for (int slot = (int)(Hash(bytes) >> _slotShift); ; slot = (slot + 1) & mask)
        {
            ref readonly TokenSlot entry = ref _slots[slot];
            if (entry.Length == 0)
            {
                return -1;
            }

            if (entry.Head == head && entry.Length == bytes.Length
                && (bytes.Length <= 8 || bytes[8..].SequenceEqual(_tails.AsSpan(_tailOffsets[entry.Id], bytes.Length - 8))))
            {
                return entry.Whole || !wholeOnly ? entry.Id : -1;
            }
        }
    }

    /// <summary>The first 8 bytes, little-endian, zero-padded.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Head(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length >= 8)
        {
            return BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        }

        ulong head = 0;
        if ((bytes.Length & 4) != 0)
        {
            head = BinaryPrimitives.ReadUInt32LittleEndian(bytes[^4..]);
        }

        if ((bytes.Length & 2) != 0)
        {
            head = (head << 16) | BinaryPrimitives.ReadUInt16LittleEndian(bytes[(bytes.Length & 1)..]);
        }

        return (bytes.Length & 1) != 0 ? (head << 8) | bytes[0] : head;
    }

    /// <summary>A 64-bit hash of a byte span; its high bits pick the table slot.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Hash(ReadOnlySpan<byte> bytes)
    {
        ulong hash = Head(bytes) ^ ((ulong)bytes.Length << 59);
        for (int i = 8; i < bytes.Length; i += 8)
        {
            hash = BitOperations.RotateLeft(hash * 0x9E3779B97F4A7C15UL, 29) ^ Head(bytes[i..Math.Min(bytes.Length, i + 8)]);
        }

        hash *= 0xBF58476D1CE4E5B9UL;
        return hash ^ (hash >> 31);
    }

    /// <summary>Left and right id in the high bits; the merged id goes in the low <see cref="IdBits"/>.</summary>
    private static ulong PairKey(int left, int right) => ((ulong)left << (2 * IdBits)) | ((ulong)right << IdBits);

    private int PairSlot(ulong key) => (int)((key * 0x9E3779B97F4A7C15UL) >> _pairShift);

    /// <summary>A power-of-two table at most half full, and the shift that maps a 64-bit hash to a slot.</summary>
    private static (int Size, int Shift) TableSize(int count)
    {
        int bits = Math.Max(4, BitOperations.Log2((uint)Math.Max(1, count)) + 2);
        return (1 << bits, 64 - bits);
    }

    /// <summary>One token in the open-addressed table: its first 8 bytes inline, so a short piece is compared without another read.</summary>
    private readonly record struct TokenSlot(ulong Head, int Id, ushort Length, bool Whole);
}
