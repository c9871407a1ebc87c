namespace CurationPipeline.Dedup;

/// <summary>Paragraph dedup (Dolma's <c>dedupe-paragraphs</c>, DCLM's BFF): removes paragraphs that an earlier document already holds.</summary>
/// <remarks>
/// <list type="table">
/// <item><term><see cref="Enabled"/></term><description><c>false</c></description></item>
/// <item><term><see cref="ExpectedParagraphs"/></term><description>10,000,000</description></item>
/// <item><term><see cref="FalsePositiveRate"/></term><description>0.001</description></item>
/// <item><term><see cref="MinChars"/></term><description>0 (every non-blank line, as Dolma)</description></item>
/// </list>
/// The Bloom filter takes <c>-ExpectedParagraphs · ln(FalsePositiveRate) / ln²2</c> bits (the defaults: about 18 MB). A false
/// positive removes a unique paragraph; more distinct paragraphs than expected raise the rate above the one set.
/// </remarks>
public sealed record ParagraphDedupOptions
{
    /// <summary>Whether the tag pass hashes paragraphs and the dedup pass removes repeated ones.</summary>
    public bool Enabled { get; init; }

    /// <summary>The number of distinct paragraphs the Bloom filter is sized for (its memory grows linearly with it).</summary>
    public long ExpectedParagraphs { get; init; } = 10_000_000;

    /// <summary>The Bloom filter's false-positive rate at <see cref="ExpectedParagraphs"/>: the share of unique paragraphs removed by mistake.</summary>
    public double FalsePositiveRate { get; init; } = 0.001;

    /// <summary>Paragraphs shorter than this (trimmed, in chars) are never removed. 0, as Dolma's exact paragraph dedup, removes
    /// every repeat, short template lines ("Reply", "Share") included, but also code lines such as <c>}</c> that many documents
    /// share; a crawl with code pages is better served by about 20 (datatrove's sentence dedup has similar minimums).</summary>
    public int MinChars { get; init; }

    /// <summary>Checks every property.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A property is out of range; the exception names it.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(ExpectedParagraphs, 1, nameof(ExpectedParagraphs));
        ArgumentOutOfRangeException.ThrowIfNegative(MinChars, nameof(MinChars));
        if (double.IsNaN(FalsePositiveRate) || FalsePositiveRate is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(FalsePositiveRate), FalsePositiveRate, "Must be in (0, 1).");
        }

        if (Internal.BloomFilter.BitsFor(ExpectedParagraphs, FalsePositiveRate) > Internal.BloomFilter.MaxBits)
        {
            throw new ArgumentOutOfRangeException(nameof(ExpectedParagraphs), ExpectedParagraphs,
                $"The Bloom filter for this count and false-positive rate would exceed {Internal.BloomFilter.MaxBits / 8 / (1 << 30)} GiB.");
        }
    }
}
