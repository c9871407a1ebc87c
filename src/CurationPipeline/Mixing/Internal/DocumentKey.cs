using System.Buffers;
using System.IO.Hashing;
using System.Text;

namespace CurationPipeline.Mixing.Internal;

/// <summary>Stable hashes of document ids (never <see cref="string.GetHashCode()"/>): a 128-bit join key and a 64-bit validation key.</summary>
internal static class DocumentKey
{
    /// <summary>Seed of the validation hash: fixed, so the validation set is the same for every mix of the same data.</summary>
    private const ulong ValidationSeed = 0x7661_6C69_6461_7465; // "validate"

    public static UInt128 Join(string id) => Hash(id, static bytes => XxHash128.HashToUInt128(bytes));

    public static ulong Validation(string id) => Hash(id, static bytes => XxHash3.HashToUInt64(bytes, unchecked((long)ValidationSeed)));

    /// <summary>A seeded 64-bit hash of up to three integers (sampling order, bucket choice).</summary>
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
