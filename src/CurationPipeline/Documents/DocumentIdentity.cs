using System.Buffers;
using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;

namespace CurationPipeline.Documents;

/// <summary>
/// What identifies a document within a run: its id together with where it was read (source path and source offset).
/// </summary>
/// <remarks>
/// Ids are the input's own (a WARC-Record-ID, a JSON Lines <c>id</c>) and need not be unique: two JSON Lines files may both
/// number their documents 1..n, and a crawl copied twice repeats every record id. The source location makes the identity
/// unique and stable: it depends on the inputs only, never on thread timing, task count or reruns. Every global step (dedup,
/// semantic dedup, mix) joins and orders documents by this identity, so a document never shares a fate with another one
/// that merely has the same id. Ties are broken by <see cref="Compare"/>: id, then source path, then offset (ordinal).
/// </remarks>
public static class DocumentIdentity
{
    /// <summary>A 128-bit hash of (id, source path, source offset): the join key of the global passes.</summary>
    /// <param name="id">The document id.</param>
    /// <param name="sourcePath">The input file it was read from (as recorded in the annotated shards), or <c>null</c> when unknown.</param>
    /// <param name="sourceOffset">Its offset (or record index) in that file.</param>
    /// <returns>The key; equal identities give equal keys on every machine and run.</returns>
    public static UInt128 KeyOf(string id, string? sourcePath, long sourceOffset)
    {
        ArgumentNullException.ThrowIfNull(id);
        sourcePath ??= string.Empty;
        int max = Encoding.UTF8.GetMaxByteCount(id.Length) + Encoding.UTF8.GetMaxByteCount(sourcePath.Length) + 12;
        byte[]? rented = max > 512 ? ArrayPool<byte>.Shared.Rent(max) : null;
        try
        {
            Span<byte> buffer = rented ?? stackalloc byte[512];
            // Length-prefixed parts, so ("a", "bc") and ("ab", "c") differ.
            int idBytes = Encoding.UTF8.GetBytes(id, buffer[4..]);
            BinaryPrimitives.WriteInt32LittleEndian(buffer, idBytes);
            int at = 4 + idBytes;
            at += Encoding.UTF8.GetBytes(sourcePath, buffer[at..]);
            BinaryPrimitives.WriteInt64LittleEndian(buffer[at..], sourceOffset);
            return XxHash128.HashToUInt128(buffer[..(at + 8)]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>The total order of identities: id, then source path, then source offset (ordinal).</summary>
    /// <returns>Negative, zero or positive, as <see cref="string.CompareOrdinal(string, string)"/>.</returns>
    public static int Compare(string id, string? sourcePath, long sourceOffset, string otherId, string? otherSourcePath, long otherSourceOffset)
    {
        int c = string.CompareOrdinal(id, otherId);
        if (c == 0)
        {
            c = string.CompareOrdinal(sourcePath, otherSourcePath);
        }

        return c != 0 ? c : sourceOffset.CompareTo(otherSourceOffset);
    }
}
