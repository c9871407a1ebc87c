using System.Numerics.Tensors;
using System.Text;

namespace CurationPipeline.Embeddings;

/// <summary>
/// Document embeddings kept for the global steps (semantic dedup, classifier heads): one id and one float16 vector per row,
/// stored in fixed-size chunks so a million rows never need one huge array or a copy on growth.
/// </summary>
/// <remarks>
/// Float16 halves memory (768 MB per million 384-d rows); on L2-normalized MiniLM vectors it moves a cosine by under 1e-3
/// (measured by <c>EmbeddingMatrixTests</c> and the <c>embed</c> benchmark). Not thread-safe for <see cref="Add(string, string, long, ReadOnlySpan{float})"/> or <see cref="SortByIdentity"/>; reads may run
/// concurrently once writing is done.
/// </remarks>
public sealed class EmbeddingMatrix
{
    private const int ChunkRows = 1 << 14;
    private const uint Magic = 0x424D4543; // "CEMB"
    private const int FormatVersion = 2;

    private readonly List<Half[]> _chunks = [];
    private readonly List<string> _ids = [];
    private readonly List<string> _sourcePaths = [];
    private readonly List<long> _sourceOffsets = [];

    /// <summary>Creates an empty matrix.</summary>
    /// <param name="dimension">The vector length.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dimension"/> is not positive.</exception>
    public EmbeddingMatrix(int dimension)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        Dimension = dimension;
    }

    /// <summary>The vector length.</summary>
    public int Dimension { get; }

    /// <summary>Rows stored.</summary>
    public int Count => _ids.Count;

    /// <summary>Appends a row, storing <paramref name="vector"/> as float16.</summary>
    /// <param name="id">The document id.</param>
    /// <param name="vector">The embedding; its length must be <see cref="Dimension"/>.</param>
    /// <returns>The row index.</returns>
    /// <exception cref="ArgumentException">The vector has the wrong length.</exception>
    public int Add(string id, ReadOnlySpan<float> vector) => Add(id, string.Empty, 0, vector);

    /// <summary>Appends one row with the document's identity (id, source path and offset: <see cref="Documents.DocumentIdentity"/>).</summary>
    /// <param name="id">The document id.</param>
    /// <param name="sourcePath">The input file it was read from.</param>
    /// <param name="sourceOffset">Its offset in that file.</param>
    /// <param name="vector">Exactly <see cref="Dimension"/> values.</param>
    /// <returns>The row index.</returns>
    /// <exception cref="ArgumentException">The vector has another length.</exception>
    public int Add(string id, string sourcePath, long sourceOffset, ReadOnlySpan<float> vector)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(sourcePath);
        if (vector.Length != Dimension)
        {
            throw new ArgumentException($"Expected {Dimension} values, got {vector.Length}.", nameof(vector));
        }

        int row = _ids.Count;
        if (row % ChunkRows == 0)
        {
            _chunks.Add(new Half[ChunkRows * Dimension]);
        }

        TensorPrimitives.ConvertToHalf(vector, _chunks[^1].AsSpan(row % ChunkRows * Dimension, Dimension));
        _ids.Add(id);
        _sourcePaths.Add(sourcePath);
        _sourceOffsets.Add(sourceOffset);
        return row;
    }

    /// <summary>The id of row <paramref name="row"/>.</summary>
    /// <param name="row">A row index below <see cref="Count"/>.</param>
    /// <returns>The document id.</returns>
    public string Id(int row) => _ids[row];

    /// <summary>The source path of a row's document (empty when added without one).</summary>
    public string SourcePath(int row) => _sourcePaths[row];

    /// <summary>The source offset of a row's document.</summary>
    public long SourceOffset(int row) => _sourceOffsets[row];

    /// <summary>
    /// Reorders the rows by document identity (id, source path, offset; ordinal), in place with one spare row, so that whatever
    /// order the rows were added in (thread timing, task count), the same documents give the same matrix.
    /// </summary>
    public void SortByIdentity()
    {
        int[] order = [.. Enumerable.Range(0, Count)];
        Array.Sort(order, (a, b) => Documents.DocumentIdentity.Compare(_ids[a], _sourcePaths[a], _sourceOffsets[a], _ids[b], _sourcePaths[b], _sourceOffsets[b]));
        string[] ids = [.. order.Select(i => _ids[i])];
        string[] paths = [.. order.Select(i => _sourcePaths[i])];
        long[] offsets = [.. order.Select(i => _sourceOffsets[i])];

        // Position j takes row order[j]: follow each cycle once, parking its first row.
        var spare = new Half[Dimension];
        var placed = new bool[Count];
        for (int start = 0; start < order.Length; start++)
        {
            if (placed[start] || order[start] == start)
            {
                continue;
            }

            RowSpan(start).CopyTo(spare);
            int j = start;
            while (true)
            {
                placed[j] = true;
                int from = order[j];
                if (from == start)
                {
                    spare.CopyTo(RowSpan(j));
                    break;
                }

                RowSpan(from).CopyTo(RowSpan(j));
                j = from;
            }
        }

        _ids.Clear();
        _ids.AddRange(ids);
        _sourcePaths.Clear();
        _sourcePaths.AddRange(paths);
        _sourceOffsets.Clear();
        _sourceOffsets.AddRange(offsets);
    }

    private Span<Half> RowSpan(int row) => _chunks[row / ChunkRows].AsSpan(row % ChunkRows * Dimension, Dimension);

    /// <summary>Writes row <paramref name="row"/> as float32 into <paramref name="destination"/> (length <see cref="Dimension"/>).</summary>
    /// <param name="row">A row index below <see cref="Count"/>.</param>
    /// <param name="destination">Receives the vector.</param>
    public void CopyTo(int row, Span<float> destination)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)row, (uint)Count, nameof(row));
        TensorPrimitives.ConvertToSingle(_chunks[row / ChunkRows].AsSpan(row % ChunkRows * Dimension, Dimension), destination[..Dimension]);
    }

    /// <summary>Writes the matrix: a header (magic, version, dimension, count), then each id (length-prefixed UTF-8) and its float16 vector.</summary>
    /// <param name="stream">The destination; left open.</param>
    public void WriteTo(Stream stream)
    {
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(FormatVersion);
        writer.Write(Dimension);
        writer.Write(Count);
        byte[] row = new byte[Dimension * sizeof(ushort)];
        for (int i = 0; i < Count; i++)
        {
            writer.Write(_ids[i]);
            writer.Write(_sourcePaths[i]);
            writer.Write(_sourceOffsets[i]);
            ReadOnlySpan<Half> values = _chunks[i / ChunkRows].AsSpan(i % ChunkRows * Dimension, Dimension);
            for (int j = 0; j < values.Length; j++)
            {
                System.Buffers.Binary.BinaryPrimitives.WriteHalfLittleEndian(row.AsSpan(j * 2), values[j]);
            }

            writer.Write(row);
        }
    }

    /// <summary>Reads a matrix written by <see cref="WriteTo"/>.</summary>
    /// <param name="stream">The source; left open.</param>
    /// <returns>The matrix.</returns>
    /// <exception cref="InvalidDataException">The stream is not an embedding matrix or is truncated.</exception>
    public static EmbeddingMatrix ReadFrom(Stream stream)
    {
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        try
        {
            if (reader.ReadUInt32() != Magic || reader.ReadInt32() != FormatVersion)
            {
                throw new InvalidDataException("Not an embedding matrix (bad magic or version).");
            }

            int dimension = reader.ReadInt32();
            int count = reader.ReadInt32();
            if (dimension < 1 || count < 0)
            {
                throw new InvalidDataException($"Bad embedding matrix header: dimension {dimension}, count {count}.");
            }

            var matrix = new EmbeddingMatrix(dimension);
            byte[] row = new byte[dimension * sizeof(ushort)];
            float[] vector = new float[dimension];
            for (int i = 0; i < count; i++)
            {
                string id = reader.ReadString();
                string sourcePath = reader.ReadString();
                long sourceOffset = reader.ReadInt64();
                reader.BaseStream.ReadExactly(row);
                for (int j = 0; j < dimension; j++)
                {
                    vector[j] = (float)System.Buffers.Binary.BinaryPrimitives.ReadHalfLittleEndian(row.AsSpan(j * 2));
                }

                matrix.Add(id, sourcePath, sourceOffset, vector);
            }

            return matrix;
        }
        catch (EndOfStreamException ex)
        {
            throw new InvalidDataException("The embedding matrix is truncated.", ex);
        }
    }
}
