using System.Text;
using CurationPipeline.Storage;
using CurationPipeline.Dedup.Internal;

namespace CurationPipeline.Dedup;

/// <summary>Reads and writes drop lists: binary files of <see cref="DropListRow"/> sorted by the dropped document's identity (id, source path, offset; ordinal).</summary>
/// <remarks>Layout: magic <c>CPDL</c> (u32), version (u16), row count (i64), then per row: document id, source path, source offset
/// (i64), cluster id (u64), kept id, reason; strings are 7-bit length-prefixed UTF-8. <see cref="WriteAsync"/> also writes the same
/// rows as Parquet beside it (<see cref="ParquetExtension"/>: <c>id, source_path, source_offset, cluster_id, kept_id, reason,
/// cluster_size</c>) for DuckDB, pandas and <c>curate inspect</c>.</remarks>
public static class DropListFile
{
    private const uint Magic = 0x4C445043; // "CPDL"
    private const ushort Version = 2;

    /// <summary>The extension of the Parquet copy written beside the binary drop list (<c>drop-list.parquet</c>).</summary>
    public const string ParquetExtension = ".parquet";

    /// <summary>
    /// The file beside the drop list that gives each kept document of a duplicate cluster its cluster size (itself plus every
    /// drop-list row of the cluster step naming it): <c>id, source_path, source_offset, cluster_id, cluster_size</c>, sorted by
    /// identity. A kept document without a row is a singleton (size 1). The mix reads it for rehydration.
    /// </summary>
    public const string ClusterSizesFileName = "cluster-sizes.parquet";

    /// <summary>The cluster sizes file beside the drop list at <paramref name="dropListPath"/> (<see cref="ClusterSizesFileName"/>).</summary>
    /// <param name="dropListPath">A drop list's path.</param>
    /// <returns>The sibling path.</returns>
    public static string ClusterSizesPath(string dropListPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(dropListPath);
        return dropListPath[..^Path.GetFileName(dropListPath).Length] + ClusterSizesFileName;
    }

    /// <summary>Writes <paramref name="rows"/> atomically, in the order given.</summary>
    /// <param name="storage">Where to write.</param>
    /// <param name="path">The final path.</param>
    /// <param name="rows">The rows.</param>
    /// <param name="cancellationToken">Stops the write; nothing appears under <paramref name="path"/> then.</param>
    public static async Task WriteAsync(IStorage storage, string path, IReadOnlyList<DropListRow> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(rows);
        await using AtomicWrite write = storage.CreateAtomic(path);
        using (var writer = new BinaryWriter(write.Stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(Version);
            writer.Write((long)rows.Count);
            foreach (DropListRow row in rows)
            {
                writer.Write(row.DocumentId);
                writer.Write(row.SourcePath);
                writer.Write(row.SourceOffset);
                writer.Write(row.ClusterId);
                writer.Write(row.KeptId);
                writer.Write(row.Reason);
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        await DropListParquet.WriteAsync(storage, Path.ChangeExtension(path, ParquetExtension), rows, cancellationToken).ConfigureAwait(false);
        await write.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads a drop list.</summary>
    /// <param name="storage">Where to read.</param>
    /// <param name="path">The file.</param>
    /// <returns>The rows in file order.</returns>
    /// <exception cref="InvalidDataException">The file is not a drop list or is truncated.</exception>
    public static IReadOnlyList<DropListRow> Read(IStorage storage, string path)
    {
        ArgumentNullException.ThrowIfNull(storage);
        using Stream stream = storage.OpenRead(path);
        using var reader = new BinaryReader(new BufferedStream(stream, 1 << 16), Encoding.UTF8);
        try
        {
            if (reader.ReadUInt32() != Magic || reader.ReadUInt16() != Version)
            {
                throw new InvalidDataException($"{path}: not a version {Version} drop list.");
            }

            long count = reader.ReadInt64();
            var rows = new List<DropListRow>((int)Math.Min(count, 1 << 20));
            for (long i = 0; i < count; i++)
            {
                rows.Add(new DropListRow(reader.ReadString(), reader.ReadString(), reader.ReadInt64(), reader.ReadUInt64(), reader.ReadString(), reader.ReadString()));
            }

            return rows;
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException($"{path}: truncated drop list.", e);
        }
    }
}
