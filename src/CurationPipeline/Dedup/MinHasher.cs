using System.Buffers;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using CurationPipeline.Dedup.Internal;

namespace CurationPipeline.Dedup;

/// <summary>Computes MinHash signatures and LSH band hashes of documents.</summary>
/// <remarks>
/// Text is normalized with <see cref="TextNormalizer"/>, encoded as UTF-8 and cut into shingles (<see cref="MinHashOptions"/>);
/// each shingle is hashed with XxHash3 (seeded with <see cref="MinHashOptions.Seed"/>) and folded through
/// <see cref="MinHashOptions.HashCount"/> permutations <c>(a·h + b) mod (2^61 − 1)</c>. The permutation loop is vectorized
/// with Vector256 and AVX2 widening multiplies, with a scalar fallback (no AVX2, or forced) that computes the same values.
/// No allocation per shingle: buffers are pooled per call. Signatures are equal across processes and machines for equal options.
/// Instances are immutable and thread-safe.
/// </remarks>
public sealed class MinHasher
{
    private readonly MersennePermutations _permutations;

    /// <summary>Creates a hasher for <paramref name="options"/>.</summary>
    /// <param name="options">Shingling and banding; validated here.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public MinHasher(MinHashOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        _permutations = new MersennePermutations(options.HashCount, options.Seed);
    }

    /// <summary>The options the hasher was built with.</summary>
    public MinHashOptions Options { get; }

    /// <summary>The signature length (<see cref="MinHashOptions.HashCount"/>).</summary>
    public int HashCount => Options.HashCount;

    /// <summary>Whether this machine runs the vectorized permutation loop.</summary>
    public static bool IsVectorized => MersennePermutations.IsVectorized;

    /// <summary>Computes the MinHash signature of <paramref name="text"/>.</summary>
    /// <param name="text">Raw document text; it is normalized here.</param>
    /// <param name="signature">Receives <see cref="HashCount"/> values, each below 2^61 − 1.</param>
    /// <exception cref="ArgumentException"><paramref name="signature"/> is shorter than <see cref="HashCount"/>.</exception>
    public void ComputeSignature(ReadOnlySpan<char> text, Span<ulong> signature) => ComputeSignature(text, signature, vectorized: true);

    /// <summary>Computes the signature of already normalized UTF-8 text.</summary>
    /// <param name="normalizedUtf8">Output of <see cref="TextNormalizer"/>, encoded as UTF-8.</param>
    /// <param name="signature">Receives <see cref="HashCount"/> values.</param>
    /// <exception cref="ArgumentException"><paramref name="signature"/> is shorter than <see cref="HashCount"/>.</exception>
    public void ComputeSignatureOfNormalized(ReadOnlySpan<byte> normalizedUtf8, Span<ulong> signature) =>
        ComputeCore(normalizedUtf8, signature, vectorized: true);

    /// <summary>Computes the band hashes of a signature: one XxHash3 per band over its rows, seeded with the band index.</summary>
    /// <param name="signature">A signature of <see cref="HashCount"/> values.</param>
    /// <param name="bandHashes">Receives <see cref="MinHashOptions.Bands"/> hashes.</param>
    /// <exception cref="ArgumentException">A span is too short.</exception>
    public void ComputeBandHashes(ReadOnlySpan<ulong> signature, Span<ulong> bandHashes)
    {
        int rows = Options.Rows;
        if (signature.Length < HashCount || bandHashes.Length < Options.Bands)
        {
            throw new ArgumentException("Signature or band hash span too short for these options.");
        }

        for (int band = 0; band < Options.Bands; band++)
        {
            bandHashes[band] = XxHash3.HashToUInt64(MemoryMarshal.AsBytes(signature.Slice(band * rows, rows)), band);
        }
    }

    /// <summary>The fraction of equal positions of two signatures: an unbiased estimate of the shingle-set Jaccard similarity.</summary>
    /// <param name="first">A signature.</param>
    /// <param name="second">A signature of the same length.</param>
    /// <returns>A value in [0, 1].</returns>
    /// <exception cref="ArgumentException">The lengths differ or are zero.</exception>
    public static double EstimateJaccard<T>(ReadOnlySpan<T> first, ReadOnlySpan<T> second)
        where T : IEquatable<T>
    {
        if (first.Length != second.Length || first.Length == 0)
        {
            throw new ArgumentException("Signatures must have the same, non-zero length.");
        }

        int equal = 0;
        for (int i = 0; i < first.Length; i++)
        {
            if (first[i].Equals(second[i]))
            {
                equal++;
            }
        }

        return (double)equal / first.Length;
    }

    /// <summary>Computes a signature, choosing the vector or the scalar permutation loop (tests compare both).</summary>
    internal void ComputeSignature(ReadOnlySpan<char> text, Span<ulong> signature, bool vectorized)
    {
        using NormalizedUtf8 normalized = NormalizedUtf8.Create(text);
        ComputeCore(normalized.Bytes, signature, vectorized);
    }

    private void ComputeCore(ReadOnlySpan<byte> text, Span<ulong> signature, bool vectorized)
    {
        if (signature.Length < HashCount)
        {
            throw new ArgumentException($"The signature needs {HashCount} values.", nameof(signature));
        }

        ulong[] minima = ArrayPool<ulong>.Shared.Rent(_permutations.PaddedCount);
        int[] ring = ArrayPool<int>.Shared.Rent(Options.ShingleSize);
        try
        {
            Span<ulong> mins = minima.AsSpan(0, _permutations.PaddedCount);
            mins.Fill(long.MaxValue);
            var scanner = new ShingleScanner(text, Options.ShingleKind, ring.AsSpan(0, Options.ShingleSize));
            long seed = unchecked((long)Options.Seed);
            while (scanner.MoveNext(out ReadOnlySpan<byte> shingle))
            {
                ulong h = MersennePermutations.ToField(XxHash3.HashToUInt64(shingle, seed));
                _permutations.Update(h, mins, vectorized);
            }

            mins[..HashCount].CopyTo(signature);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(ring);
            ArrayPool<ulong>.Shared.Return(minima);
        }
    }
}
