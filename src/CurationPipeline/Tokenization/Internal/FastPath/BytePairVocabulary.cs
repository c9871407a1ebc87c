using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text;

namespace CurationPipeline.Tokenization.Internal.FastPath;

/// <summary>
/// A tiktoken vocabulary laid out for the fast path: whole pre-tokens looked up by their UTF-8 bytes, and every merge as a pair of
/// ids (left, right) mapped to the id of their concatenation, so byte-pair merging never touches bytes after the first step.
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

    private const ulong EmptyPair = ulong.MaxValue;

    private readonly byte[]?[] _tokens;
    private readonly bool[] _wholePiece;
    private readonly int[] _byteIds = new int[256];
    private readonly int[] _slotIds;
    private readonly ulong[] _slotHashes;
    private readonly int _slotShift;
    private readonly ulong[] _pairKeys;
    private readonly int[] _pairIds;
    private readonly int _pairShift;

    private BytePairVocabulary(IReadOnlyList<byte[]?> tokens)
    {
        _tokens = [.. tokens];
        _wholePiece = new bool[_tokens.Length];
        for (int id = 0; id < _tokens.Length; id++)
        {
            if (_tokens[id] is { } bytes)
            {
                if (bytes.Length == 1)
                {
                    _byteIds[bytes[0]] = id;
                }

                _wholePiece[id] = !Encoding.UTF8.GetString(bytes).Contains('\uFFFD', StringComparison.Ordinal);
            }
        }

        (_slotIds, _slotHashes, _slotShift) = BuildTokenTable(_tokens);
        var pairs = new List<(ulong Key, int Id)>(_tokens.Length * 2);
        for (int id = 0; id < _tokens.Length; id++)
        {
            byte[]? bytes = _tokens[id];
            for (int split = 1; split < (bytes?.Length ?? 0); split++)
            {
                int left = Find(bytes.AsSpan(0, split));
                int right = left < 0 ? -1 : Find(bytes.AsSpan(split));
                if (right >= 0)
                {
                    pairs.Add((PairKey(left, right), id));
                }
            }
        }

        (_pairKeys, _pairIds, _pairShift) = BuildPairTable(pairs);
    }

    /// <summary>The vocabulary of a tiktoken ranks file, or <c>null</c> when it does not fit the fast path (a single byte without a
    /// token). The file is read as Microsoft.ML.Tokenizers reads it: an optional <c>Capacity: N</c> line, then either <c>base64 rank</c>
    /// lines or bare <c>base64</c> lines whose rank is their line number; a token's rank is its id.</summary>
    /// <exception cref="FormatException">A line is neither form.</exception>
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
                && (space <= 0 || !System.Buffers.Text.Utf8Parser.TryParse(line[(space + 1)..], out id, out int used) || used != line.Length - space - 1))
            {
                throw new FormatException("A tiktoken ranks line is not 'base64 rank'.");
            }

            byte[] bytes = Convert.FromBase64String(Encoding.ASCII.GetString(implicitRanks == true ? line : line[..space]));
            if (bytes.Length == 0 || id is < 0 or > 1 << 24)
            {
                throw new FormatException("A tiktoken token is empty or its rank is out of range.");
            }

            while (tokens.Count <= id)
            {
                tokens.Add(null);
            }

            tokens[id] = bytes;
            singleBytes[bytes[0]] |= bytes.Length == 1;
        }

        return singleBytes.All(b => b) ? new BytePairVocabulary(tokens) : null;
    }

    /// <summary>The id of the one-byte token <paramref name="value"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int ByteId(byte value) => _byteIds[value];

    /// <summary>The id of the token spelled exactly <paramref name="bytes"/> when the reference would take the whole piece as that
    /// token (it decodes without U+FFFD), else -1; <paramref name="hash"/> is <see cref="Hash"/> of the bytes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int FindWhole(ReadOnlySpan<byte> bytes, ulong hash)
    {
        int id = Find(bytes, hash);
        return id >= 0 && _wholePiece[id] ? id : -1;
    }

    private int Find(ReadOnlySpan<byte> bytes) => Find(bytes, Hash(bytes));

    private int Find(ReadOnlySpan<byte> bytes, ulong hash)
    {
        int mask = _slotIds.Length - 1;
        for (int slot = (int)(hash >> _slotShift); ; slot = (slot + 1) & mask)
        {
            int id = _slotIds[slot];
            if (id < 0 || (_slotHashes[slot] == hash && bytes.SequenceEqual(_tokens[id])))
            {
                return id;
            }
        }
    }

    /// <summary>The id of the concatenation of tokens <paramref name="left"/> and <paramref name="right"/> (its merge rank), or
    /// <see cref="NoMerge"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Merge(int left, int right)
    {
        ulong key = PairKey(left, right);
        int mask = _pairKeys.Length - 1;
        for (int slot = (int)((key * 0x9E3779B97F4A7C15UL) >> _pairShift); ; slot = (slot + 1) & mask)
        {
            ulong found = _pairKeys[slot];
            if (found == key)
            {
                return _pairIds[slot];
            }

            if (found == EmptyPair)
            {
                return NoMerge;
            }
        }
    }

    /// <summary>A 64-bit hash of a byte span (the whole-piece and cache key); its high bits pick the table slot.</summary>
    public static ulong Hash(ReadOnlySpan<byte> bytes)
    {
        const ulong Multiplier = 0x9E3779B97F4A7C15UL;
        ulong hash = (ulong)bytes.Length * 0xC2B2AE3D27D4EB4FUL;
        while (bytes.Length >= 8)
        {
            hash = BitOperations.RotateLeft((hash ^ BinaryPrimitives.ReadUInt64LittleEndian(bytes)) * Multiplier, 31);
            bytes = bytes[8..];
        }

        ulong tail = 0;
        for (int i = 0; i < bytes.Length; i++)
        {
            tail |= (ulong)bytes[i] << (8 * i);
        }

        hash = (hash ^ tail) * Multiplier;
        hash ^= hash >> 29;
        hash *= 0xBF58476D1CE4E5B9UL;
        return hash ^ (hash >> 32);
    }

    private static ulong PairKey(int left, int right) => ((ulong)(uint)left << 32) | (uint)right;

    /// <summary>A power-of-two table at most half full, and the shift that maps a 64-bit hash to a slot.</summary>
    private static (int Size, int Shift) TableSize(int count)
    {
        int bits = Math.Max(4, BitOperations.Log2((uint)Math.Max(1, count)) + 2);
        return (1 << bits, 64 - bits);
    }

    private static (int[] Ids, ulong[] Hashes, int Shift) BuildTokenTable(byte[]?[] tokens)
    {
        (int size, int shift) = TableSize(tokens.Length);
        int[] slots = new int[size];
        ulong[] hashes = new ulong[size];
        Array.Fill(slots, -1);
        for (int id = 0; id < tokens.Length; id++)
        {
            if (tokens[id] is not { } token)
            {
                continue;
            }

            ulong hash = Hash(token);
            int slot = (int)(hash >> shift);
            while (slots[slot] >= 0)
            {
                slot = (slot + 1) & (size - 1);
            }

            slots[slot] = id;
            hashes[slot] = hash;
        }

        return (slots, hashes, shift);
    }

    private static (ulong[] Keys, int[] Ids, int Shift) BuildPairTable(List<(ulong Key, int Id)> pairs)
    {
        (int size, int shift) = TableSize(pairs.Count);
        ulong[] keys = new ulong[size];
        int[] ids = new int[size];
        Array.Fill(keys, EmptyPair);
        foreach ((ulong key, int id) in pairs)
        {
            int slot = (int)((key * 0x9E3779B97F4A7C15UL) >> shift);
            while (keys[slot] != EmptyPair && keys[slot] != key)
            {
                slot = (slot + 1) & (size - 1);
            }

            keys[slot] = key;
            ids[slot] = id;
        }

        return (keys, ids, shift);
    }
}
