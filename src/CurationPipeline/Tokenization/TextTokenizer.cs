using System.Buffers;
using CurationPipeline.Tokenization.Internal.FastPath;
using Microsoft.ML.Tokenizers;

namespace CurationPipeline.Tokenization;

/// <summary>Turns document text into token ids that end with one end-of-document token, and back.</summary>
/// <remarks>
/// Create one with <see cref="TokenizerFactory.Create"/>. Thread-safe: one instance serves every tokenize worker.
/// Text that spells a special token (<c>&lt;|endoftext|&gt;</c>, <c>&lt;/s&gt;</c>) is encoded as ordinary text, so a
/// document can never end itself early or inject a control token; only <see cref="EncodeDocument(string, List{int})"/>
/// appends <see cref="EndOfDocumentId"/>. The built-in tiktoken encodings encode through a hand-written fast path that gives
/// exactly the ids of the Microsoft.ML.Tokenizers tokenizer it was loaded beside (per thread it keeps a 2 MB cache of merged words);
/// file tokenizers encode through Microsoft.ML.Tokenizers itself.
/// </remarks>
public sealed class TextTokenizer
{
    private readonly Tokenizer _tokenizer;
    private readonly FastTiktokenEncoder? _fastPath;

    internal TextTokenizer(Tokenizer tokenizer, string name, int vocabularySize, int endOfDocumentId, FastTiktokenEncoder? fastPath = null)
    {
        _tokenizer = tokenizer;
        _fastPath = fastPath;
        Name = name;
        VocabularySize = vocabularySize;
        EndOfDocumentId = endOfDocumentId;
    }

    /// <summary>The tokenizer name from the options (a built-in encoding name or the file it was loaded from).</summary>
    public string Name { get; }

    /// <summary>The number of distinct ids, special tokens included: every id is in <c>[0, VocabularySize)</c>.</summary>
    public int VocabularySize { get; }

    /// <summary>The id appended after every document (<c>&lt;|endoftext|&gt;</c>, <c>&lt;/s&gt;</c> or the SentencePiece EOS).</summary>
    public int EndOfDocumentId { get; }

    /// <summary>The Microsoft.ML.Tokenizers tokenizer: it loaded the vocabulary, and it is the reference the fast path must equal.</summary>
    internal Tokenizer Reference => _tokenizer;

    /// <summary>Whether encoding goes through the hand-written tiktoken fast path (built-in encodings) rather than <see cref="Reference"/>.</summary>
    internal bool HasFastPath => _fastPath is not null;

    /// <summary>Appends the ids of <paramref name="text"/> and then <see cref="EndOfDocumentId"/> to <paramref name="destination"/>.</summary>
    /// <param name="text">The document text; special-token spellings in it are encoded as plain text.</param>
    /// <param name="destination">The list the ids are appended to; existing items are kept.</param>
    /// <returns>The number of ids appended, the end-of-document id included (at least 1).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> or <paramref name="destination"/> is <c>null</c>.</exception>
    public int EncodeDocument(string text, List<int> destination)
    {
        ArgumentNullException.ThrowIfNull(text);
        return EncodeCore(text, text.AsSpan(), destination);
    }

    /// <summary>Appends the ids of <paramref name="text"/> and then <see cref="EndOfDocumentId"/> to <paramref name="destination"/>.</summary>
    /// <param name="text">The document text; special-token spellings in it are encoded as plain text.</param>
    /// <param name="destination">The list the ids are appended to; existing items are kept.</param>
    /// <returns>The number of ids appended, the end-of-document id included (at least 1).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="destination"/> is <c>null</c>.</exception>
    public int EncodeDocument(ReadOnlySpan<char> text, List<int> destination) => EncodeCore(null, text, destination);

    /// <summary>Turns ids back into text; the end-of-document id decodes to its token text.</summary>
    /// <param name="ids">Token ids, for example one document's ids.</param>
    /// <returns>The decoded text.</returns>
    public string Decode(ReadOnlySpan<int> ids)
    {
        int[] rented = ArrayPool<int>.Shared.Rent(ids.Length);
        try
        {
            ids.CopyTo(rented);
            return _tokenizer.Decode(new ArraySegment<int>(rented, 0, ids.Length)) ?? string.Empty;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(rented);
        }
    }

    /// <summary>Turns ids back into text; the end-of-document id decodes to its token text.</summary>
    /// <param name="ids">Token ids, for example one document's ids.</param>
    /// <returns>The decoded text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ids"/> is <c>null</c>.</exception>
    public string Decode(IEnumerable<int> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        return _tokenizer.Decode(ids) ?? string.Empty;
    }

    private int EncodeCore(string? text, ReadOnlySpan<char> span, List<int> destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        if (_fastPath is not null)
        {
            int before = destination.Count;
            _fastPath.Encode(span, destination);
            destination.Add(EndOfDocumentId);
            return destination.Count - before;
        }

        IReadOnlyList<int> ids = text is null
            ? _tokenizer.EncodeToIds(span, considerPreTokenization: true, considerNormalization: true)
            : _tokenizer.EncodeToIds(text, considerPreTokenization: true, considerNormalization: true);
        destination.EnsureCapacity(destination.Count + ids.Count + 1);
        destination.AddRange(ids);
        destination.Add(EndOfDocumentId);
        return ids.Count + 1;
    }
}
