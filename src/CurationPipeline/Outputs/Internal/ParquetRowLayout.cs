using Parquet;
using Parquet.Schema;

namespace CurationPipeline.Outputs.Internal;

/// <summary>
/// Maps one row type to Parquet columns: buffers rows column-wise for the writer and rebuilds rows from a row group for readers.
/// A layout is a list of <see cref="ParquetColumn{TRow}"/> plus how a row is rebuilt and weighed.
/// </summary>
/// <remarks>One instance per writer or reader; not thread-safe.</remarks>
internal abstract class ParquetRowLayout<TRow>
{
    private ParquetColumn<TRow>[] _columns = [];

    /// <summary>The file schema; set by <see cref="Initialize"/>.</summary>
    public ParquetSchema Schema { get; private set; } = null!;

    /// <summary>The rows buffered since the last <see cref="WriteAsync"/>.</summary>
    public int Count { get; private set; }

    /// <summary>The row's size in the unit of <see cref="ShardPolicy.MaxShardWeight"/> (tokens, text bytes; 0 when only rows count).</summary>
    public abstract long WeightOf(TRow row);

    /// <summary>Buffers a row, copying what it needs.</summary>
    public void Append(TRow row)
    {
        foreach (ParquetColumn<TRow> column in _columns)
        {
            column.Append(row);
        }

        Count++;
    }

    /// <summary>Writes every buffered column in schema order, then clears the buffers.</summary>
    public async Task WriteAsync(ParquetRowGroupWriter rowGroup, CancellationToken cancellationToken)
    {
        foreach (ParquetColumn<TRow> column in _columns)
        {
            await column.WriteAsync(rowGroup, cancellationToken).ConfigureAwait(false);
        }

        Count = 0;
    }

    /// <summary>Reads a row group back into rows.</summary>
    /// <exception cref="InvalidDataException">A required value is missing.</exception>
    public async Task<TRow[]> ReadAsync(ParquetRowGroupReader rowGroup, CancellationToken cancellationToken)
    {
        foreach (ParquetColumn<TRow> column in _columns)
        {
            await column.ReadAsync(rowGroup, cancellationToken).ConfigureAwait(false);
        }

        var rows = new TRow[rowGroup.RowCount];
        for (int i = 0; i < rows.Length; i++)
        {
            rows[i] = CreateRow(i);
        }

        return rows;
    }

    /// <summary>Sets the columns, in file order; subclass constructors call it once with their column fields.</summary>
    protected void Initialize(params ParquetColumn<TRow>[] columns)
    {
        _columns = columns;
        Schema = new ParquetSchema(Array.ConvertAll(columns, c => c.SchemaField));
    }

    /// <summary>Builds row <paramref name="index"/> of the row group the columns last read.</summary>
    protected abstract TRow CreateRow(int index);
}
