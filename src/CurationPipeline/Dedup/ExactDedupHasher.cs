using System.IO.Hashing;
using CurationPipeline.Dedup.Internal;

namespace CurationPipeline.Dedup;

/// <summary>The exact-dedup key of a document: XxHash128 of its <see cref="TextNormalizer"/>-normalized UTF-8 text.</summary>
/// <remarks>Two texts that differ only in case, punctuation, digits, whitespace or diacritics get the same key. Stateless and thread-safe.</remarks>
public static class ExactDedupHasher
{
    /// <summary>Hashes the normalized form of <paramref name="text"/>.</summary>
    /// <param name="text">Raw document text.</param>
    /// <returns>The 128-bit key.</returns>
    public static UInt128 Hash(ReadOnlySpan<char> text)
    {
        using NormalizedUtf8 normalized = NormalizedUtf8.Create(text);
        return HashNormalized(normalized.Bytes);
    }

    /// <summary>Hashes text that is already normalized and UTF-8 encoded.</summary>
    /// <param name="normalizedUtf8">Output of <see cref="TextNormalizer"/> as UTF-8.</param>
    /// <returns>The 128-bit key.</returns>
    public static UInt128 HashNormalized(ReadOnlySpan<byte> normalizedUtf8) => XxHash128.HashToUInt128(normalizedUtf8);
}
