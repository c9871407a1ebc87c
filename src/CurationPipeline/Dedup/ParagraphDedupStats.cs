using System.Text.Json.Serialization;

namespace CurationPipeline.Dedup;

/// <summary>What paragraph dedup found; goes into <c>stats.json</c> under <c>dedup.paragraphs</c>.</summary>
public sealed record ParagraphDedupStats
{
    /// <summary>Documents considered: every signed document the drop list keeps.</summary>
    [JsonPropertyName("documents")]
    public long Documents { get; init; }

    /// <summary>Their paragraphs (non-blank lines).</summary>
    [JsonPropertyName("paragraphs")]
    public long Paragraphs { get; init; }

    /// <summary>Paragraphs removed because the Bloom filter had seen them in an earlier document (or earlier in the same one).</summary>
    [JsonPropertyName("paragraphs_removed")]
    public long ParagraphsRemoved { get; init; }

    /// <summary>Documents that lost some but not all paragraphs; the mix takes their re-tokenized rows.</summary>
    [JsonPropertyName("documents_modified")]
    public long DocumentsModified { get; init; }

    /// <summary>Documents that lost every paragraph, dropped as <see cref="DedupReasons.ParagraphEmptied"/>.</summary>
    [JsonPropertyName("documents_emptied")]
    public long DocumentsEmptied { get; init; }

    /// <summary>The Bloom filter's size in bits.</summary>
    [JsonPropertyName("bloom_bits")]
    public long BloomBits { get; init; }

    /// <summary>The Bloom filter's hash functions per paragraph.</summary>
    [JsonPropertyName("bloom_hashes")]
    public int BloomHashes { get; init; }
}
