using System.Buffers;
using System.Runtime.InteropServices;
using CurationPipeline.Dedup.Internal;

namespace CurationPipeline.Dedup;

/// <summary>Computes a <see cref="DocumentSignature"/> (exact key, band hashes, sketch) from one normalization of the text.</summary>
/// <remarks>Immutable and thread-safe: the tag pass calls <see cref="Sign"/> from parallel workers.</remarks>
public sealed class DocumentSigner
{
    private readonly MinHasher _hasher;

    /// <summary>Creates a signer.</summary>
    /// <param name="options">MinHash options; validated here.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public DocumentSigner(MinHashOptions options) => _hasher = new MinHasher(options);

    /// <summary>The options signatures are made with; the signature file records them.</summary>
    public MinHashOptions Options => _hasher.Options;

    /// <summary>Signs one document.</summary>
    /// <param name="id">The document id.</param>
    /// <param name="priority">Keep preference among duplicates (higher wins).</param>
    /// <param name="text">The document text; any text, including empty, is accepted.</param>
    /// <returns>The signature.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is null.</exception>
    public DocumentSignature Sign(string id, ushort priority, ReadOnlySpan<char> text)
    {
        ArgumentNullException.ThrowIfNull(id);
        int count = _hasher.HashCount;
        ulong[] signature = ArrayPool<ulong>.Shared.Rent(count);
        try
        {
            using NormalizedUtf8 normalized = NormalizedUtf8.Create(text);
            _hasher.ComputeSignatureOfNormalized(normalized.Bytes, signature);
            var bands = new ulong[Options.Bands];
            _hasher.ComputeBandHashes(signature.AsSpan(0, count), bands);
            var sketch = new uint[count];
            for (int i = 0; i < count; i++)
            {
                sketch[i] = (uint)signature[i];
            }

            return new DocumentSignature
            {
                Id = id,
                Priority = priority,
                ExactHash = ExactDedupHasher.HashNormalized(normalized.Bytes),
                BandHashes = ImmutableCollectionsMarshal.AsImmutableArray(bands),
                Sketch = ImmutableCollectionsMarshal.AsImmutableArray(sketch),
            };
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(signature);
        }
    }
}
