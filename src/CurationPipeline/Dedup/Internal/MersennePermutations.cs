using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace CurationPipeline.Dedup.Internal;

/// <summary>The MinHash permutations <c>(a·h + b) mod (2^61 − 1)</c>, applied to one shingle hash at a time and folded into running minima.</summary>
/// <remarks>
/// Parameters come from SplitMix64 seeded with the options' seed, so every process derives the same ones.
/// The vector path splits <c>a</c> and <c>h</c> into 32-bit halves and reduces modulo the Mersenne prime with shifts
/// (2^61 ≡ 1, 2^64 ≡ 8); it computes exactly the value of the scalar path, which uses a 128-bit product.
/// Arrays are padded to a whole number of vectors; padding lanes are ignored.
/// </remarks>
internal sealed class MersennePermutations
{
    /// <summary>The Mersenne prime 2^61 − 1.</summary>
    public const ulong Prime = (1UL << 61) - 1;

    private const ulong Low32 = 0xFFFF_FFFF;
    private const ulong Low29 = (1UL << 29) - 1;

    private readonly ulong[] _a;
    private readonly ulong[] _aLow;
    private readonly ulong[] _aHigh;
    private readonly ulong[] _b;

    public MersennePermutations(int count, ulong seed)
    {
        Count = count;
        int padded = (count + Vector256<ulong>.Count - 1) / Vector256<ulong>.Count * Vector256<ulong>.Count;
        PaddedCount = padded;
        _a = new ulong[padded];
        _aLow = new ulong[padded];
        _aHigh = new ulong[padded];
        _b = new ulong[padded];
        ulong state = seed;
        for (int i = 0; i < count; i++)
        {
            _a[i] = 1 + (SplitMix64(ref state) % (Prime - 1));
            _b[i] = SplitMix64(ref state) % Prime;
            _aLow[i] = _a[i] & Low32;
            _aHigh[i] = _a[i] >> 32;
        }
    }

    /// <summary>Number of permutations.</summary>
    public int Count { get; }

    /// <summary>Length of a minima buffer: <see cref="Count"/> rounded up to whole vectors.</summary>
    public int PaddedCount { get; }

    /// <summary>Whether <see cref="Update"/> takes the vector path on this machine (AVX2: 4 permutations per instruction).</summary>
    public static bool IsVectorized => Avx2.IsSupported;

    /// <summary>Reduces a 64-bit shingle hash into the permutations' domain [0, 2^61 − 1).</summary>
    public static ulong ToField(ulong hash) => Reduce((hash & Prime) + (hash >> 61));

    /// <summary>Folds <c>π_i(h)</c> into <c>minima[i]</c> for every permutation.</summary>
    /// <param name="h">A shingle hash already in the field (<see cref="ToField"/>).</param>
    /// <param name="minima">Running minima, <see cref="PaddedCount"/> long, initialised to <see cref="long.MaxValue"/> or less (the vector path compares as signed).</param>
    /// <param name="vectorized">Takes the vector path when the hardware allows; <c>false</c> forces the scalar path.</param>
    public void Update(ulong h, Span<ulong> minima, bool vectorized)
    {
        if (vectorized && Avx2.IsSupported)
        {
            UpdateVector(h, minima);
        }
        else
        {
            UpdateScalar(h, minima);
        }
    }

    /// <summary>The scalar reference: <c>(a·h + b) mod p</c> with a 128-bit product.</summary>
    public void UpdateScalar(ulong h, Span<ulong> minima)
    {
        for (int i = 0; i < Count; i++)
        {
            ulong high = Math.BigMul(_a[i], h, out ulong low);
            // a·h = high·2^64 + low ≡ 8·high + (low mod 2^61) + (low >> 61)  (mod p), each term below 2^61.
            ulong x = (high << 3) + (low & Prime) + (low >> 61) + _b[i];
            ulong value = Reduce((x & Prime) + (x >> 61));
            if (value < minima[i])
            {
                minima[i] = value;
            }
        }
    }

    private void UpdateVector(ulong h, Span<ulong> minima)
    {
        Vector256<ulong> h0 = Vector256.Create(h & Low32);
        Vector256<ulong> h1 = Vector256.Create(h >> 32);
        Vector256<ulong> prime = Vector256.Create(Prime);
        Vector256<ulong> low29 = Vector256.Create(Low29);
        ref ulong aLow = ref MemoryMarshal.GetArrayDataReference(_aLow);
        ref ulong aHigh = ref MemoryMarshal.GetArrayDataReference(_aHigh);
        ref ulong b = ref MemoryMarshal.GetArrayDataReference(_b);
        ref ulong min = ref MemoryMarshal.GetReference(minima[..PaddedCount]);
        for (nuint i = 0; i < (nuint)PaddedCount; i += (nuint)Vector256<ulong>.Count)
        {
            Vector256<ulong> a0 = Vector256.LoadUnsafe(ref aLow, i);
            Vector256<ulong> a1 = Vector256.LoadUnsafe(ref aHigh, i);
            Vector256<ulong> p00 = Multiply32(a0, h0);                       // < 2^64
            Vector256<ulong> mid = Multiply32(a1, h0) + Multiply32(a0, h1);  // < 2^62
            Vector256<ulong> p11 = Multiply32(a1, h1);                       // < 2^58
            // a·h = p11·2^64 + mid·2^32 + p00; 2^64 ≡ 8 and mid·2^32 = (mid >> 29)·2^61 + (mid & (2^29−1))·2^32.
            Vector256<ulong> x = (p00 & prime) + (p00 >> 61) + ((mid & low29) << 32) + (mid >> 29) + (p11 << 3)
                + Vector256.LoadUnsafe(ref b, i);
            x = (x & prime) + (x >> 61);
            x -= Vector256.GreaterThanOrEqual(x.AsInt64(), prime.AsInt64()).AsUInt64() & prime;
            Vector256<ulong> current = Vector256.LoadUnsafe(ref min, i);
            // Both operands are below 2^63, so a signed minimum is the unsigned one.
            Vector256.Min(current.AsInt64(), x.AsInt64()).AsUInt64().StoreUnsafe(ref min, i);
        }
    }

    /// <summary>Multiplies the low 32 bits of each lane into a 64-bit product (<c>vpmuludq</c>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ulong> Multiply32(Vector256<ulong> x, Vector256<ulong> y) => Avx2.Multiply(x.AsUInt32(), y.AsUInt32());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Reduce(ulong x) => x >= Prime ? x - Prime : x;

    private static ulong SplitMix64(ref ulong state)
    {
        ulong z = state += 0x9E37_79B9_7F4A_7C15;
        z = (z ^ (z >> 30)) * 0xBF58_476D_1CE4_E5B9;
        z = (z ^ (z >> 27)) * 0x94D0_49BB_1331_11EB;
        return z ^ (z >> 31);
    }
}
