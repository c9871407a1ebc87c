using CurationPipeline.Tokenization.Internal;

namespace CurationPipeline.Tokenization;

/// <summary>Builds the <see cref="TextTokenizer"/> that <see cref="TokenizerOptions"/> describe.</summary>
public static class TokenizerFactory
{
    /// <summary>The built-in encoding names (<c>cl100k_base</c>, <c>o200k_base</c>, <c>gpt2</c>).</summary>
    public static IReadOnlyList<string> BuiltInNames { get; } = [.. TiktokenEncodings.Names.Order(StringComparer.Ordinal)];

    /// <summary>Loads the tokenizer. Built-in encodings take about 0.2–0.5 s (Microsoft.ML.Tokenizers' load plus the fast path's
    /// tables); call once per run and share the result.</summary>
    /// <param name="options">Which tokenizer; validated here.</param>
    /// <returns>A thread-safe tokenizer.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <c>null</c>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The name is not a built-in encoding or a supported file type.</exception>
    /// <exception cref="FileNotFoundException">The tokenizer file does not exist.</exception>
    /// <exception cref="InvalidDataException">The tokenizer file cannot be used (not byte-level BPE, no end-of-document token, damaged).</exception>
    public static TextTokenizer Create(TokenizerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        string? file = options.FilePath;
        if (file is null)
        {
            return TiktokenEncodings.Create(options.Name);
        }

        if (!File.Exists(file))
        {
            throw new FileNotFoundException($"Tokenizer file '{file}' does not exist.", file);
        }

        return KindOf(file) == TokenizerFileKind.SentencePiece
            ? SentencePieceModel.Load(file, options.Name)
            : HuggingFaceTokenizerJson.Load(file, options.Name);
    }

    internal static bool IsBuiltIn(string name) => TiktokenEncodings.Contains(name);

    internal static TokenizerFileKind KindOf(string path) =>
        path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? TokenizerFileKind.HuggingFaceJson
        : path.EndsWith(".model", StringComparison.OrdinalIgnoreCase) ? TokenizerFileKind.SentencePiece
        : TokenizerFileKind.Unknown;
}
