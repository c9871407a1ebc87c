using System.Buffers;
using System.IO.Hashing;
using System.Text;

namespace CurationPipeline.Mixing.Internal;

/// <summary>
/// Stable hashes (never <see cref="string.GetHashCode()"/>): the 64-bit validation key of an id and the seeded keys that order
/// sampling and shuffling. Every seeded choice hashes a document's identity, never its physical position, so the mix does not
/// depend on which task or thread wrote a row where.
/// </summary>
internal static class DocumentKey
{
    /// <summary>Seed of the validation hash: fixed, so the validation set is the same for every mix of the same data.</summary>
    private const ulong ValidationSeed = 0x7661_6C69_6461_7465; // "validate"

    public static ulong Validation(string id) => Hash(id, static bytes => XxHash3.HashToUInt64(bytes, unchecked((long)ValidationSeed)));

    /// <summary>A seeded 64-bit hash of a document identity key and a copy number (sampling order, bucket choice, shuffle order).</summary>
    public static ulong Mix(ulong seed, UInt128 key, long copy, long purpose) => Mix(seed, (ulong)key ^ (ulong)(key >> 64), copy, purpose);

    /// <summary>A seeded 64-bit hash of up to three integers.</summary>
    public static ulong Mix(ulong seed, ulong a, long b, long c)
    {
        Span<byte> bytes = stackalloc byte[24];
        BitConverter.TryWriteBytes(bytes, a);
        BitConverter.TryWriteBytes(bytes[8..], b);
        BitConverter.TryWriteBytes(bytes[16..], c);
        return XxHash3.HashToUInt64(bytes, unchecked((long)seed));
    }

    private static T Hash<T>(string id, Func<ReadOnlySpan<byte>, T> hash)
    {
        int max = Encoding.UTF8.GetMaxByteCount(id.Length);
        byte[]? rented = max > 256 ? ArrayPool<byte>.Shared.Rent(max) : null;
        try
        {
            Span<byte> buffer = rented ?? stackalloc byte[256];
            int length = Encoding.UTF8.GetBytes(id, buffer);
            return hash(buffer[..length]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
