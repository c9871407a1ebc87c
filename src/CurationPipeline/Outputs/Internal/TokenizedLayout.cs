using CurationPipeline.Tokenization;
using Parquet;
using Parquet.Schema;

namespace CurationPipeline.Outputs.Internal;

/// <summary>Columns of a tokenized shard: <c>input_ids</c> (3-level LIST of int32), <c>id</c>, <c>url</c>, <c>n_tokens</c>, <c>domain</c>.</summary>
internal sealed class TokenizedLayout : ParquetRowLayout<TokenizedDocument>
{
    private readonly DataField<int> _element = new("element");
    private readonly DataField<string> _id = new("id", nullable: false);
    private readonly DataField<string> _url = new("url", nullable: true);
    private readonly DataField<int> _tokenCount = new("n_tokens");
    private readonly DataField<string> _domain = new("domain", nullable: false);
    private readonly ColumnBuffer<int> _values = new();
    private readonly ColumnBuffer<int> _definitionLevels = new();
    private readonly ColumnBuffer<int> _repetitionLevels = new();
    private readonly ColumnBuffer<string?> _ids = new();
    private readonly ColumnBuffer<string?> _urls = new();
    private readonly ColumnBuffer<int> _tokenCounts = new();
    private readonly ColumnBuffer<string?> _domains = new();
    private readonly int[] _levelChunk = new int[1024];

    public TokenizedLayout() => Schema = new ParquetSchema(new ListField("input_ids", _element), _id, _url, _tokenCount, _domain);

    public override ParquetSchema Schema { get; }

    public override int Count => _ids.Count;

    public override long WeightOf(TokenizedDocument row) => row.InputIds.Length;

    public override void Append(TokenizedDocument row)
    {
        ReadOnlySpan<int> ids = row.InputIds.Span;
        if (ids.IsEmpty)
        {
            _definitionLevels.Add(_element.MaxDefinitionLevel - 1); // an empty, non-null list
            _repetitionLevels.Add(0);
        }
        else
        {
            _values.AddRange(ids);
            AddLevels(_definitionLevels, _element.MaxDefinitionLevel, ids.Length);
            _repetitionLevels.Add(0);
            AddLevels(_repetitionLevels, _element.MaxRepetitionLevel, ids.Length - 1);
        }

        _ids.Add(row.Id);
        _urls.Add(row.Url);
        _tokenCounts.Add(ids.Length);
        _domains.Add(row.Domain);
    }

    public override async Task WriteAsync(ParquetRowGroupWriter rowGroup, CancellationToken cancellationToken)
    {
        await rowGroup.WriteAllPartsAsync(_element, _values.Memory, _definitionLevels.Memory, _repetitionLevels.Memory, cancellationToken)
            .ConfigureAwait(false);
        await rowGroup.WriteAsync(_id, _ids.Segment!).ConfigureAwait(false);
        await rowGroup.WriteAsync(_url, _urls.Segment!).ConfigureAwait(false);
        await rowGroup.WriteAsync(_tokenCount, _tokenCounts.Memory, null, null, cancellationToken).ConfigureAwait(false);
        await rowGroup.WriteAsync(_domain, _domains.Segment!).ConfigureAwait(false);
        _values.Clear();
        _definitionLevels.Clear();
        _repetitionLevels.Clear();
        _ids.Clear();
        _urls.Clear();
        _tokenCounts.Clear();
        _domains.Clear();
    }

    public override async Task<TokenizedDocument[]> ReadAsync(ParquetRowGroupReader rowGroup, CancellationToken cancellationToken)
    {
        int levelCount = checked((int)rowGroup.GetMetadata(_element)!.MetaData!.NumValues);
        var values = new int[levelCount];
        var definitionLevels = new int[levelCount];
        var repetitionLevels = new int[levelCount];
        await rowGroup.ReadRawAsync<int>(_element, values, definitionLevels, repetitionLevels, cancellationToken).ConfigureAwait(false);
        string?[] ids = await ReadStringsAsync(rowGroup, _id, cancellationToken).ConfigureAwait(false);
        string?[] urls = await ReadStringsAsync(rowGroup, _url, cancellationToken).ConfigureAwait(false);
        string?[] domains = await ReadStringsAsync(rowGroup, _domain, cancellationToken).ConfigureAwait(false);

        var rows = new TokenizedDocument[rowGroup.RowCount];
        int level = 0;
        int value = 0;
        for (int row = 0; row < rows.Length; row++)
        {
            int start = value;
            // The first level of each row has repetition level 0; the row's later values continue with level 1.
            do
            {
                if (definitionLevels[level] == _element.MaxDefinitionLevel)
                {
                    value++;
                }

                level++;
            }
            while (level < levelCount && repetitionLevels[level] != 0);

            rows[row] = new TokenizedDocument
            {
                Id = ids[row] ?? throw new InvalidDataException($"Row {row} of a tokenized shard has a null id."),
                Url = urls[row],
                InputIds = values.AsMemory(start, value - start),
                Domain = domains[row] ?? TokenizedDocument.GeneralDomain,
            };
        }

        return rows;
    }

    private void AddLevels(ColumnBuffer<int> buffer, int level, int count)
    {
        Array.Fill(_levelChunk, level);
        for (int remaining = count; remaining > 0; remaining -= _levelChunk.Length)
        {
            buffer.AddRange(_levelChunk.AsSpan(0, Math.Min(remaining, _levelChunk.Length)));
        }
    }
}
