using System.Numerics;

namespace CurationPipeline.Dedup.Internal;

/// <summary>A Bloom filter over 64-bit hashes, sized from an expected count and a false-positive rate; probes by double hashing.</summary>
/// <remarks>Not thread-safe: paragraph dedup feeds it from one thread, in document-identity order, so its answers never depend on timing.</remarks>
internal sealed class BloomFilter
{
    /// <summary>The largest filter: 2^34 bits (2 GiB).</summary>
    public const long MaxBits = 1L << 34;

    private readonly ulong[] _words;
    private readonly ulong _bits;

    public BloomFilter(long expected, double falsePositiveRate)
    {
        long bits = BitsFor(expected, falsePositiveRate);
        _words = new ulong[bits / 64];
        _bits = (ulong)bits;
        Hashes = Math.Clamp((int)Math.Round((double)bits / expected * Math.Log(2)), 1, 30);
    }

    /// <summary>The filter's size in bits (a multiple of 64).</summary>
    public long Bits => (long)_bits;

    /// <summary>Probes per value.</summary>
    public int Hashes { get; }

    /// <summary>The optimal size for <paramref name="expected"/> values at <paramref name="falsePositiveRate"/>, rounded up to whole words.</summary>
    public static long BitsFor(long expected, double falsePositiveRate)
    {
        double bits = Math.Ceiling(-expected * Math.Log(falsePositiveRate) / (Math.Log(2) * Math.Log(2)));
        return bits >= MaxBits ? MaxBits + 64 : Math.Max(64, ((long)bits + 63) / 64 * 64);
    }

    /// <summary>Adds <paramref name="hash"/>; returns whether it was (probably) present already.</summary>
    public bool CheckAndAdd(ulong hash) => Probe(hash, add: true);

    /// <summary>Whether <paramref name="hash"/> is (probably) present; a false answer is always right.</summary>
    public bool MayContain(ulong hash) => Probe(hash, add: false);

    private bool Probe(ulong hash, bool add)
    {
        // Kirsch–Mitzenmacher: probe i is h1 + i·h2; h2 is odd and decorrelated from h1 by a multiply-rotate.
        ulong h1 = hash;
        ulong h2 = BitOperations.RotateLeft(hash * 0x9E3779B97F4A7C15UL, 31) | 1;
        bool present = true;
        for (int i = 0; i < Hashes; i++)
        {
            ulong bit = (ulong)(((UInt128)(h1 + ((ulong)i * h2)) * _bits) >> 64);
            ref ulong word = ref _words[bit >> 6];
            ulong mask = 1UL << (int)(bit & 63);
            present &= (word & mask) != 0;
            if (add)
            {
                word |= mask;
            }
        }

        return present;
    }
}
