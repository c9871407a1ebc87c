using Microsoft.ML.Tokenizers;

namespace CurationPipeline.Tokenization.Internal.FastPath;

/// <summary>
/// Encodes text exactly as the Microsoft.ML.Tokenizers tiktoken tokenizer does, faster: a hand-written pre-tokenizer scanner
/// instead of the regex, whole pre-tokens looked up by their UTF-8 bytes, a bounded per-thread cache of merged pre-tokens, and
/// byte-pair merges over per-thread buffers. Pre-tokens longer than <see cref="MaxPieceChars"/> go to the reference tokenizer.
/// </summary>
/// <remarks>Thread-safe: the buffers and the cache are per thread.</remarks>
internal sealed class FastTiktokenEncoder
{
    /// <summary>The longest pre-token (in UTF-16 code units) the fast path merges itself.</summary>
    public const int MaxPieceChars = 256;

    private const int MaxPieceBytes = MaxPieceChars * 3;

    private readonly PreTokenScanner _scanner;
    private readonly BytePairVocabulary _vocabulary;
    private readonly Tokenizer _reference;
    private readonly ThreadLocal<Workspace> _workspaces = new(() => new Workspace());

    private FastTiktokenEncoder(PreTokenScanner scanner, BytePairVocabulary vocabulary, Tokenizer reference)
    {
        _scanner = scanner;
        _vocabulary = vocabulary;
        _reference = reference;
    }

    /// <summary>The fast path for <paramref name="reference"/>, the tiktoken tokenizer (without a normalizer) of the built-in
    /// encoding <paramref name="encodingName"/> loaded from <paramref name="ranksFile"/>, or <c>null</c> when the fast path does not cover it.</summary>
    /// <exception cref="FormatException">The ranks file is damaged.</exception>
    public static FastTiktokenEncoder? TryCreate(string encodingName, ReadOnlySpan<byte> ranksFile, Tokenizer reference)
    {
        PreTokenScanner? scanner = PreTokenScanner.For(encodingName);
        BytePairVocabulary? vocabulary = scanner is null || reference.Normalizer is not null ? null : BytePairVocabulary.TryParse(ranksFile);
        return vocabulary is null ? null : new FastTiktokenEncoder(scanner!, vocabulary, reference);
    }

    /// <summary>Appends the ids of <paramref name="text"/> to <paramref name="destination"/>.</summary>
    public void Encode(ReadOnlySpan<char> text, List<int> destination)
    {
        Workspace workspace = _workspaces.Value!;
        Span<byte> utf8 = workspace.Utf8;
        for (int start = 0; start < text.Length;)
        {
            int end = _scanner.End(text, start);
            ReadOnlySpan<char> piece = text[start..end];
            start = end;
            if (piece.Length > MaxPieceChars)
            {
                destination.AddRange(_reference.EncodeToIds(piece, considerPreTokenization: false, considerNormalization: false));
                continue;
            }

            int byteCount = ToUtf8(piece, utf8);
            if (byteCount == 1)
            {
                destination.Add(_vocabulary.ByteId(utf8[0]));
                continue;
            }

            ReadOnlySpan<byte> bytes = utf8[..byteCount];
            int whole = _vocabulary.FindWhole(bytes);
            if (whole >= 0)
            {
                destination.Add(whole);
                continue;
            }

            ulong hash = BytePairVocabulary.Hash(bytes);
            if (workspace.Cache.TryAppend(bytes, hash, destination))
            {
                continue;
            }

            int count = BytePairMerge.Merge(_vocabulary, bytes, workspace.Ids, workspace.Ranks);
            ReadOnlySpan<int> ids = workspace.Ids.AsSpan(0, count);
            workspace.Cache.Add(bytes, hash, ids);
            destination.AddRange(ids);
        }
    }

    /// <summary>UTF-8 as the reference converts pre-tokens: a lone surrogate becomes the three-byte form of its code unit.</summary>
    private static int ToUtf8(ReadOnlySpan<char> text, Span<byte> destination)
    {
        int length = 0;
        for (int i = 0; i < text.Length; i++)
        {
            uint c = text[i];
            if (c < 0x80)
            {
                destination[length++] = (byte)c;
            }
            else if (c < 0x800)
            {
                destination[length++] = (byte)(0xC0 | (c >> 6));
                destination[length++] = (byte)(0x80 | (c & 0x3F));
            }
            else if (char.IsHighSurrogate((char)c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                uint scalar = (uint)char.ConvertToUtf32((char)c, text[++i]);
                destination[length++] = (byte)(0xF0 | (scalar >> 18));
                destination[length++] = (byte)(0x80 | ((scalar >> 12) & 0x3F));
                destination[length++] = (byte)(0x80 | ((scalar >> 6) & 0x3F));
                destination[length++] = (byte)(0x80 | (scalar & 0x3F));
            }
            else
            {
                destination[length++] = (byte)(0xE0 | (c >> 12));
                destination[length++] = (byte)(0x80 | ((c >> 6) & 0x3F));
                destination[length++] = (byte)(0x80 | (c & 0x3F));
            }
        }

        return length;
    }

    /// <summary>One thread's buffers and cache.</summary>
    private sealed class Workspace
    {
        public byte[] Utf8 { get; } = new byte[MaxPieceBytes];

        public int[] Ids { get; } = new int[MaxPieceBytes];

        public int[] Ranks { get; } = new int[MaxPieceBytes];

        public PreTokenCache Cache { get; } = new();
    }
}
