using Parquet;
using Parquet.Schema;

namespace CurationPipeline.Outputs.Internal;

/// <summary>One column of a <see cref="ParquetRowLayout{TRow}"/>: buffers a value per row and reads a row group's values back.</summary>
internal abstract class ParquetColumn<TRow>
{
    /// <summary>The schema node of the column.</summary>
    public abstract Field SchemaField { get; }

    public abstract void Append(TRow row);

    /// <summary>Writes the buffered values and clears the buffer.</summary>
    public abstract Task WriteAsync(ParquetRowGroupWriter rowGroup, CancellationToken cancellationToken);

    /// <summary>Reads the values of a row group; the subclass exposes them by row index.</summary>
    public abstract Task ReadAsync(ParquetRowGroupReader rowGroup, CancellationToken cancellationToken);
}
