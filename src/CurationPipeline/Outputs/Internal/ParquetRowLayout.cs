using Parquet;
using Parquet.Schema;

namespace CurationPipeline.Outputs.Internal;

/// <summary>
/// Maps one row type to Parquet columns: buffers rows column-wise for the writer and rebuilds rows from a row group for readers.
/// </summary>
/// <remarks>One instance per writer or reader; not thread-safe.</remarks>
internal abstract class ParquetRowLayout<TRow>
{
    public abstract ParquetSchema Schema { get; }

    /// <summary>The rows buffered since the last <see cref="WriteAsync"/>.</summary>
    public abstract int Count { get; }

    /// <summary>The row's size in the unit of <see cref="ShardPolicy.MaxShardWeight"/> (tokens, text bytes; 0 when only rows count).</summary>
    public abstract long WeightOf(TRow row);

    /// <summary>Buffers a row, copying what it needs.</summary>
    public abstract void Append(TRow row);

    /// <summary>Writes every buffered column in schema order, then clears the buffers.</summary>
    public abstract Task WriteAsync(ParquetRowGroupWriter rowGroup, CancellationToken cancellationToken);

    /// <summary>Reads a row group back into rows.</summary>
    public abstract Task<TRow[]> ReadAsync(ParquetRowGroupReader rowGroup, CancellationToken cancellationToken);

    /// <summary>Reads a required or optional string column of a row group.</summary>
    protected static async Task<string?[]> ReadStringsAsync(ParquetRowGroupReader rowGroup, DataField field, CancellationToken cancellationToken)
    {
        var values = new string?[rowGroup.RowCount];
        await rowGroup.ReadAsync(field, values.AsMemory(), null, cancellationToken).ConfigureAwait(false);
        return values;
    }

    /// <summary>Reads a required value-type column of a row group.</summary>
    protected static async Task<T[]> ReadValuesAsync<T>(ParquetRowGroupReader rowGroup, DataField field, CancellationToken cancellationToken)
        where T : struct
    {
        var values = new T[rowGroup.RowCount];
        await rowGroup.ReadAsync(field, values.AsMemory(), null, cancellationToken).ConfigureAwait(false);
        return values;
    }
}
