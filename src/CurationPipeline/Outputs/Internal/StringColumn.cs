using Parquet;
using Parquet.Schema;

namespace CurationPipeline.Outputs.Internal;

/// <summary>A UTF-8 string column, required or optional.</summary>
internal sealed class StringColumn<TRow>(string name, bool nullable, Func<TRow, string?> getValue, DataField? fileField = null) : ParquetColumn<TRow>
{
    // Reading uses the file's own field when given: Parquet.Net resolves a standalone field's name as a dotted path.
    private readonly DataField _field = fileField ?? new DataField<string>(name, nullable);
    private readonly ColumnBuffer<string?> _buffer = new();
    private string?[] _values = [];

    public override Field SchemaField => _field;

    /// <summary>The value of row <paramref name="index"/> of the last row group read.</summary>
    public string? this[int index] => _values[index];

    /// <summary>The value of row <paramref name="index"/>, which must not be null.</summary>
    /// <exception cref="InvalidDataException">The value is null.</exception>
    public string Required(int index) =>
        _values[index] ?? throw new InvalidDataException($"Column '{_field.Name}' is null in row {index} of a row group.");

    public override void Append(TRow row) => _buffer.Add(getValue(row));

    public override async Task WriteAsync(ParquetRowGroupWriter rowGroup, CancellationToken cancellationToken)
    {
        await rowGroup.WriteAsync(_field, _buffer.Segment!).ConfigureAwait(false);
        _buffer.Clear();
    }

    public override async Task ReadAsync(ParquetRowGroupReader rowGroup, CancellationToken cancellationToken)
    {
        _values = new string?[rowGroup.RowCount];
        await rowGroup.ReadAsync(_field, _values.AsMemory(), null, cancellationToken).ConfigureAwait(false);
    }
}
