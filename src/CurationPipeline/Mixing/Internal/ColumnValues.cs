using Parquet;
using Parquet.Schema;

namespace CurationPipeline.Mixing.Internal;

/// <summary>
/// One annotated column, by name, generically: finds it in a file's schema (a top-level column, or a member of a struct column
/// written <c>struct.member</c>) and reads a row group of it as numbers (any numeric or boolean Parquet type, as <see cref="double"/>)
/// or strings. A column absent from the file reads as all-null.
/// </summary>
internal sealed class ColumnValues(string name, bool numeric)
{
    private DataField? _field;

    public string Name { get; } = name;

    public bool Numeric { get; } = numeric;

    /// <summary>Whether the current file has the column.</summary>
    public bool InFile => _field is not null;

    public double[] Numbers { get; private set; } = [];

    public string?[] Strings { get; private set; } = [];

    public bool[] Present { get; private set; } = [];

    /// <summary>Binds the column to a file's schema.</summary>
    /// <exception cref="MixConfigException">The column exists with a type that does not fit the test.</exception>
    public void Bind(ParquetSchema schema, string path)
    {
        _field = null;
        foreach (DataField data in schema.GetDataFields())
        {
            // A flat column ("quality", "gopher_quality.word_count") or a struct member addressed with dots ("gopher_quality.word_count").
            if (data.MaxRepetitionLevel == 0 && string.Equals(string.Join('.', data.Path.ToList()), Name, StringComparison.Ordinal))
            {
                _field = data;
                break;
            }
        }

        if (_field is null)
        {
            return;
        }

        // Parquet.Net 6 reports UTF-8 columns read from a file as ReadOnlyMemory<char>.
        bool isString = _field.ClrType == typeof(string) || _field.ClrType == typeof(ReadOnlyMemory<char>);
        bool isNumber = !isString && (_field.ClrType.IsPrimitive || _field.ClrType == typeof(decimal));
        if (_field.IsArray || (Numeric ? !isNumber : !isString))
        {
            throw new MixConfigException(
                $"Column '{Name}' in '{path}' is {_field.ClrType.Name}{(_field.IsArray ? "[]" : "")}, but the mix tests it as {(Numeric ? "a number" : "a string")}.");
        }
    }

    /// <summary>Reads the column of one row group; an absent column reads as all-null.</summary>
    public async Task ReadAsync(ParquetRowGroupReader rowGroup, CancellationToken cancellationToken)
    {
        int rows = checked((int)rowGroup.RowCount);
        if (Present.Length < rows)
        {
            Present = new bool[rows];
            Numbers = Numeric ? new double[rows] : [];
            Strings = Numeric ? [] : new string?[rows];
        }

        if (_field is null)
        {
            Array.Clear(Present, 0, rows);
            return;
        }

        if (!Numeric)
        {
            await rowGroup.ReadAsync(_field, Strings.AsMemory(0, rows), null, cancellationToken).ConfigureAwait(false);
            for (int i = 0; i < rows; i++)
            {
                Present[i] = Strings[i] is not null;
            }

            return;
        }

        Type type = _field.ClrType;
        if (type == typeof(double))
        {
            await ReadNumbersAsync<double>(rowGroup, rows, static v => v, cancellationToken).ConfigureAwait(false);
        }
        else if (type == typeof(float))
        {
            await ReadNumbersAsync<float>(rowGroup, rows, static v => v, cancellationToken).ConfigureAwait(false);
        }
        else if (type == typeof(int))
        {
            await ReadNumbersAsync<int>(rowGroup, rows, static v => v, cancellationToken).ConfigureAwait(false);
        }
        else if (type == typeof(long))
        {
            await ReadNumbersAsync<long>(rowGroup, rows, static v => v, cancellationToken).ConfigureAwait(false);
        }
        else if (type == typeof(short))
        {
            await ReadNumbersAsync<short>(rowGroup, rows, static v => v, cancellationToken).ConfigureAwait(false);
        }
        else if (type == typeof(bool))
        {
            await ReadNumbersAsync<bool>(rowGroup, rows, static v => v ? 1 : 0, cancellationToken).ConfigureAwait(false);
        }
        else if (type == typeof(decimal))
        {
            await ReadNumbersAsync<decimal>(rowGroup, rows, static v => (double)v, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            throw new MixConfigException($"Column '{Name}' has the unsupported numeric type {type.Name}.");
        }
    }

    private async Task ReadNumbersAsync<T>(ParquetRowGroupReader rowGroup, int rows, Func<T, double> convert, CancellationToken cancellationToken)
        where T : struct
    {
        // Raw values are packed (nulls take no slot); definition levels below the maximum mark nulls, at any nesting depth.
        int maxLevel = _field!.MaxDefinitionLevel;
        var values = new T[rows];
        var levels = new int[rows]; // Parquet.Net wants the buffer even for required columns (levels stay 0 there)
        await rowGroup.ReadRawAsync<T>(_field, values, levels, null, cancellationToken).ConfigureAwait(false);
        int next = 0;
        for (int i = 0; i < rows; i++)
        {
            bool present = levels[i] == maxLevel;
            Present[i] = present;
            Numbers[i] = present ? convert(values[next++]) : 0;
        }
    }
}
