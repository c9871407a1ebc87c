using System.Globalization;
using CurationPipeline.Tokenization;

namespace CurationPipeline.Outputs;

/// <summary>What every tokenized shard records about how its ids were made (Parquet key-value metadata).</summary>
/// <param name="TokenizerName">The tokenizer name (<see cref="TextTokenizer.Name"/>).</param>
/// <param name="VocabularySize">The number of distinct ids (<see cref="TextTokenizer.VocabularySize"/>).</param>
/// <param name="EndOfDocumentId">The id that ends each row's <c>input_ids</c>.</param>
/// <param name="SchemaVersion">The tokenized shard schema version (<see cref="CurrentSchemaVersion"/> for files this code writes).</param>
public sealed record TokenizedShardMetadata(string TokenizerName, int VocabularySize, int EndOfDocumentId, int SchemaVersion = TokenizedShardMetadata.CurrentSchemaVersion)
{
    /// <summary>The schema version this code writes: columns <c>input_ids, id, url, n_tokens, domain, source_path, source_offset</c>.</summary>
    public const int CurrentSchemaVersion = 2;

    /// <summary>Metadata key of <see cref="TokenizerName"/>.</summary>
    public const string TokenizerNameKey = "tokenizer_name";

    /// <summary>Metadata key of <see cref="VocabularySize"/>.</summary>
    public const string VocabularySizeKey = "vocab_size";

    /// <summary>Metadata key of <see cref="EndOfDocumentId"/>.</summary>
    public const string EndOfDocumentIdKey = "eod_id";

    /// <summary>Metadata key of <see cref="SchemaVersion"/>.</summary>
    public const string SchemaVersionKey = "schema_version";

    /// <summary>The metadata of shards tokenized by <paramref name="tokenizer"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="tokenizer"/> is <c>null</c>.</exception>
    public static TokenizedShardMetadata For(TextTokenizer tokenizer)
    {
        ArgumentNullException.ThrowIfNull(tokenizer);
        return new(tokenizer.Name, tokenizer.VocabularySize, tokenizer.EndOfDocumentId);
    }

    /// <summary>Reads the metadata from a file's key-value pairs.</summary>
    /// <exception cref="InvalidDataException">A key is missing or not a number where one is expected.</exception>
    public static TokenizedShardMetadata Parse(IReadOnlyDictionary<string, string> keyValues, string path)
    {
        ArgumentNullException.ThrowIfNull(keyValues);
        return new(Get(TokenizerNameKey), Number(VocabularySizeKey), Number(EndOfDocumentIdKey), Number(SchemaVersionKey));

        string Get(string key) => keyValues.TryGetValue(key, out string? value)
            ? value
            : throw new InvalidDataException($"'{path}' is not a tokenized shard: metadata key '{key}' is missing.");

        int Number(string key) => int.TryParse(Get(key), NumberStyles.None, CultureInfo.InvariantCulture, out int number)
            ? number
            : throw new InvalidDataException($"'{path}' has a non-numeric '{key}' metadata value.");
    }

    /// <summary>The key-value pairs written into each shard.</summary>
    public IReadOnlyDictionary<string, string> ToKeyValues() => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [TokenizerNameKey] = TokenizerName,
        [VocabularySizeKey] = VocabularySize.ToString(CultureInfo.InvariantCulture),
        [EndOfDocumentIdKey] = EndOfDocumentId.ToString(CultureInfo.InvariantCulture),
        [SchemaVersionKey] = SchemaVersion.ToString(CultureInfo.InvariantCulture),
    };
}
