using Parquet;
using Parquet.Schema;

namespace CurationPipeline.Outputs.Internal;

/// <summary>A required primitive column (int32, int64, boolean).</summary>
internal sealed class ValueColumn<TRow, T>(string name, Func<TRow, T> getValue, DataField? fileField = null) : ParquetColumn<TRow>
    where T : struct
{
    // Reading uses the file's own field when given: Parquet.Net resolves a standalone field's name as a dotted path.
    private readonly DataField _field = fileField ?? new DataField<T>(name, nullable: false);
    private readonly ColumnBuffer<T> _buffer = new();
    private T[] _values = [];

    public override Field SchemaField => _field;

    /// <summary>The value of row <paramref name="index"/> of the last row group read.</summary>
    public T this[int index] => _values[index];

    public override void Append(TRow row) => _buffer.Add(getValue(row));

    public override async Task WriteAsync(ParquetRowGroupWriter rowGroup, CancellationToken cancellationToken)
    {
        await rowGroup.WriteAsync(_field, _buffer.Memory, null, null, cancellationToken).ConfigureAwait(false);
        _buffer.Clear();
    }

    public override async Task ReadAsync(ParquetRowGroupReader rowGroup, CancellationToken cancellationToken)
    {
        _values = new T[rowGroup.RowCount];
        await rowGroup.ReadAsync(_field, _values.AsMemory(), null, cancellationToken).ConfigureAwait(false);
    }
}
