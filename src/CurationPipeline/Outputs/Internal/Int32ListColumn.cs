using Parquet;
using Parquet.Schema;

namespace CurationPipeline.Outputs.Internal;

/// <summary>
/// A <c>list&lt;int32&gt;</c> column in the standard 3-level LIST encoding (<c>name/list/element</c>), written with explicit
/// definition and repetition levels as Parquet.Net 6 requires.
/// </summary>
internal sealed class Int32ListColumn<TRow> : ParquetColumn<TRow>
{
    private readonly Func<TRow, ReadOnlyMemory<int>> _getValue;
    private readonly DataField<int> _element = new("element");
    private readonly ColumnBuffer<int> _values = new();
    private readonly ColumnBuffer<int> _definitionLevels = new();
    private readonly ColumnBuffer<int> _repetitionLevels = new();
    private int[] _definedChunk = [];
    private int[] _continuedChunk = [];
    private ReadOnlyMemory<int>[] _rows = [];

    public Int32ListColumn(string name, Func<TRow, ReadOnlyMemory<int>> getValue)
    {
        _getValue = getValue;
        SchemaField = new ListField(name, _element);
    }

    public override Field SchemaField { get; }

    /// <summary>The list of row <paramref name="index"/> of the last row group read (a slice of one shared array).</summary>
    public ReadOnlyMemory<int> this[int index] => _rows[index];

    public override void Append(TRow row)
    {
        ReadOnlySpan<int> ids = _getValue(row).Span;
        _repetitionLevels.Add(0);
        if (ids.IsEmpty)
        {
            _definitionLevels.Add(_element.MaxDefinitionLevel - 1); // an empty, non-null list
            return;
        }

        if (_definedChunk.Length == 0)
        {
            // Levels are known once the schema is built, which happens after construction.
            _definedChunk = new int[1024];
            _continuedChunk = new int[1024];
            Array.Fill(_definedChunk, _element.MaxDefinitionLevel);
            Array.Fill(_continuedChunk, _element.MaxRepetitionLevel);
        }

        _values.AddRange(ids);
        AddLevels(_definitionLevels, _definedChunk, ids.Length);
        AddLevels(_repetitionLevels, _continuedChunk, ids.Length - 1);
    }

    public override async Task WriteAsync(ParquetRowGroupWriter rowGroup, CancellationToken cancellationToken)
    {
        await rowGroup.WriteAllPartsAsync(_element, _values.Memory, _definitionLevels.Memory, _repetitionLevels.Memory, cancellationToken)
            .ConfigureAwait(false);
        _values.Clear();
        _definitionLevels.Clear();
        _repetitionLevels.Clear();
    }

    public override async Task ReadAsync(ParquetRowGroupReader rowGroup, CancellationToken cancellationToken)
    {
        int levelCount = checked((int)rowGroup.GetMetadata(_element)!.MetaData!.NumValues);
        var values = new int[levelCount];
        var definitionLevels = new int[levelCount];
        var repetitionLevels = new int[levelCount];
        await rowGroup.ReadRawAsync<int>(_element, values, definitionLevels, repetitionLevels, cancellationToken).ConfigureAwait(false);

        _rows = new ReadOnlyMemory<int>[rowGroup.RowCount];
        int level = 0;
        int value = 0;
        for (int row = 0; row < _rows.Length; row++)
        {
            int start = value;
            // A row starts at repetition level 0; its later values continue at a non-zero level.
            do
            {
                if (definitionLevels[level] == _element.MaxDefinitionLevel)
                {
                    value++;
                }

                level++;
            }
            while (level < levelCount && repetitionLevels[level] != 0);

            _rows[row] = values.AsMemory(start, value - start);
        }
    }

    private static void AddLevels(ColumnBuffer<int> buffer, int[] chunk, int count)
    {
        for (int remaining = count; remaining > 0; remaining -= chunk.Length)
        {
            buffer.AddRange(chunk.AsSpan(0, Math.Min(remaining, chunk.Length)));
        }
    }
}
