using System.Text.Json;
using CurationPipeline.Tokenization.Internal;
using Microsoft.ML.Tokenizers;

namespace CurationPipeline.Embeddings.Internal;

/// <summary>Turns text into the encoder's token ids (special tokens included), for either tokenizer family.</summary>
/// <remarks>Thread-safe: the Microsoft.ML.Tokenizers instances are immutable.</remarks>
internal sealed class EmbeddingTokenizer
{
    private static readonly string[] s_robertaSpecialTokens = ["<s>", "</s>", "<pad>", "<unk>", "<mask>"];

    private readonly Tokenizer _tokenizer;

    private EmbeddingTokenizer(Tokenizer tokenizer, string family, int paddingId)
    {
        _tokenizer = tokenizer;
        Family = family;
        PaddingId = paddingId;
    }

    /// <summary>"wordpiece" or "byte-level-bpe".</summary>
    public string Family { get; }

    /// <summary>The id written into padded positions (masked out, so only its validity matters).</summary>
    public int PaddingId { get; }

    /// <summary>Loads the tokenizer a model directory holds (see <see cref="EmbeddingModelFiles"/>).</summary>
    /// <exception cref="FileNotFoundException">The directory holds neither vocabulary.</exception>
    public static EmbeddingTokenizer Load(string directory, bool lowerCase)
    {
        string wordPiece = Path.Combine(directory, EmbeddingModelFiles.WordPieceVocabulary);
        if (File.Exists(wordPiece))
        {
            BertTokenizer bert = BertTokenizer.Create(wordPiece, new BertOptions { LowerCaseBeforeTokenization = lowerCase });
            return new EmbeddingTokenizer(bert, "wordpiece", bert.PaddingTokenId);
        }

        string vocabulary = Path.Combine(directory, EmbeddingModelFiles.BpeVocabulary);
        string merges = Path.Combine(directory, EmbeddingModelFiles.BpeMerges);
        if (File.Exists(vocabulary) && File.Exists(merges))
        {
            return LoadByteLevelBpe(vocabulary, merges);
        }

        throw new FileNotFoundException(
            $"Model directory '{directory}' has no tokenizer: expected {EmbeddingModelFiles.WordPieceVocabulary} (BERT family) " +
            $"or {EmbeddingModelFiles.BpeVocabulary} + {EmbeddingModelFiles.BpeMerges} (RoBERTa family).");
    }

    /// <summary>Encodes <paramref name="text"/> into at most <paramref name="maxTokens"/> ids, appending them to <paramref name="destination"/>.</summary>
    /// <returns>Whether the text was truncated.</returns>
    public bool Encode(string text, int maxTokens, List<int> destination)
    {
        // BertTokenizer adds [CLS]/[SEP] only through its own overload; the base Tokenizer overload leaves them out.
        // BpeTokenizer adds <s>/</s> from its options through the base overload.
        string? normalized;
        int charsConsumed;
        IReadOnlyList<int> ids = _tokenizer is BertTokenizer bert
            ? bert.EncodeToIds(text, maxTokens, addSpecialTokens: true, out normalized, out charsConsumed)
            : _tokenizer.EncodeToIds(text, maxTokens, out normalized, out charsConsumed);
        foreach (int id in ids)
        {
            destination.Add(id);
        }

        return charsConsumed < (normalized ?? text).Length;
    }

    private static EmbeddingTokenizer LoadByteLevelBpe(string vocabularyPath, string mergesPath)
    {
        Dictionary<string, int> vocabulary;
        using (FileStream stream = File.OpenRead(vocabularyPath))
        {
            vocabulary = JsonSerializer.Deserialize<Dictionary<string, int>>(stream)
                ?? throw new InvalidDataException($"'{vocabularyPath}' is not a JSON object of token ids.");
        }

        var special = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (string token in s_robertaSpecialTokens)
        {
            if (vocabulary.TryGetValue(token, out int id))
            {
                special[token] = id;
            }
        }

        if (!special.ContainsKey("<s>") || !special.ContainsKey("</s>") || !special.TryGetValue("<pad>", out int padding))
        {
            throw new InvalidDataException($"'{vocabularyPath}' lacks one of the RoBERTa special tokens <s>, </s>, <pad>.");
        }

        var options = new BpeOptions(vocabulary)
        {
            Merges = ReadMerges(mergesPath),
            ByteLevel = true,
            PreTokenizer = new RegexPreTokenizer(TiktokenEncodings.Gpt2Pattern(), specialTokens: null),
            SpecialTokens = special,
            BeginningOfSentenceToken = "<s>",
            EndOfSentenceToken = "</s>",
        };
        return new EmbeddingTokenizer(BpeTokenizer.Create(options), "byte-level-bpe", padding);
    }

    /// <summary>Reads merges.txt: one <c>a b</c> pair per line, skipping the <c>#version</c> header and blank lines.</summary>
    private static List<string> ReadMerges(string path)
    {
        var merges = new List<string>();
        foreach (string line in File.ReadLines(path))
        {
            if (line.Length > 0 && !line.StartsWith("#version", StringComparison.Ordinal))
            {
                merges.Add(line);
            }
        }

        return merges;
    }
}
