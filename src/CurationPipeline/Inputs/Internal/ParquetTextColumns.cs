using Parquet;
using Parquet.Schema;

namespace CurationPipeline.Inputs.Internal;

/// <summary>The <c>id</c>, <c>url</c>, <c>text</c> and <c>date</c> columns of an input Parquet file, and how to read them.</summary>
internal sealed class ParquetTextColumns
{
    private readonly DataField _text;
    private readonly DataField? _id;
    private readonly DataField? _url;
    private readonly DataField? _date;

    private ParquetTextColumns(DataField text, DataField? id, DataField? url, DataField? date)
    {
        _text = text;
        _id = id;
        _url = url;
        _date = date;
    }

    /// <summary>Finds the columns; <c>null</c> with a reason code and detail when the file cannot be read as documents.</summary>
    public static ParquetTextColumns? Find(ParquetSchema schema, out string? reason, out string? detail)
    {
        DataField? text = null, id = null, url = null, date = null;
        foreach (DataField field in schema.DataFields)
        {
            if (field.MaxRepetitionLevel > 0 || field.Path.Length != 1)
            {
                continue; // nested or repeated columns are never one of ours
            }

            switch (field.Name)
            {
                case "text": text = field; break;
                case "id": id = field; break;
                case "url": url = field; break;
                case "date": date = field; break;
            }
        }

        (reason, detail) = (text, id, url, date) switch
        {
            (null, _, _, _) => (InputReasons.ParquetMissingColumn, "no top-level 'text' column"),
            _ when !IsString(text) => (InputReasons.ParquetUnsupportedColumn, $"'text' is {text.ClrType.Name}, not a string"),
            _ when url is not null && !IsString(url) => (InputReasons.ParquetUnsupportedColumn, $"'url' is {url.ClrType.Name}"),
            _ when id is not null && !IsString(id) && id.ClrType != typeof(long) && id.ClrType != typeof(int) =>
                (InputReasons.ParquetUnsupportedColumn, $"'id' is {id.ClrType.Name}"),
            _ when date is not null && !IsString(date) && date.ClrType != typeof(DateTime) =>
                (InputReasons.ParquetUnsupportedColumn, $"'date' is {date.ClrType.Name}"),
            _ => ((string?)null, (string?)null),
        };
        return reason is null ? new ParquetTextColumns(text!, id, url, date) : null;
    }

    /// <summary>Parquet.Net reports string columns of a file as <see cref="ReadOnlyMemory{T}"/> of char, or as string.</summary>
    private static bool IsString(DataField field) => field.ClrType == typeof(string) || field.ClrType == typeof(ReadOnlyMemory<char>);

    public async Task<RowGroupValues> ReadAsync(ParquetRowGroupReader rowGroup, CancellationToken cancellationToken)
    {
        int count = checked((int)rowGroup.RowCount);
        string?[] texts = await ReadStringsAsync(rowGroup, _text, cancellationToken).ConfigureAwait(false);
        string?[]? urls = _url is null ? null : await ReadStringsAsync(rowGroup, _url, cancellationToken).ConfigureAwait(false);
        string?[]? ids = _id switch
        {
            null => null,
            { ClrType: var t } when t == typeof(long) => await ReadValuesAsync<long, string>(rowGroup, _id, v => v.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false),
            { ClrType: var t } when t == typeof(int) => await ReadValuesAsync<int, string>(rowGroup, _id, v => v.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false),
            _ => await ReadStringsAsync(rowGroup, _id, cancellationToken).ConfigureAwait(false),
        };
        DateTimeOffset?[]? dates = _date switch
        {
            null => null,
            { ClrType: var t } when t == typeof(DateTime) =>
                await ReadValuesAsync<DateTime, DateTimeOffset?>(rowGroup, _date, v => ToUtc(v), cancellationToken).ConfigureAwait(false),
            _ => Array.ConvertAll(await ReadStringsAsync(rowGroup, _date, cancellationToken).ConfigureAwait(false), ParseDate),
        };
        return new RowGroupValues(count, texts, ids, urls, dates);
    }

    private static DateTimeOffset ToUtc(DateTime value) =>
        new(value.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(value, DateTimeKind.Utc) : value.ToUniversalTime());

    private static DateTimeOffset? ParseDate(string? value) =>
        DateTimeOffset.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal,
            out DateTimeOffset parsed) ? parsed : null;

    private static async Task<string?[]> ReadStringsAsync(ParquetRowGroupReader rowGroup, DataField field, CancellationToken cancellationToken)
    {
        var values = new string?[rowGroup.RowCount];
        await rowGroup.ReadAsync(field, values.AsMemory(), null, cancellationToken).ConfigureAwait(false);
        return values;
    }

    private static async Task<TOut?[]> ReadValuesAsync<T, TOut>(ParquetRowGroupReader rowGroup, DataField field, Func<T, TOut> convert,
        CancellationToken cancellationToken)
        where T : struct
    {
        var result = new TOut?[rowGroup.RowCount];
        if (field.IsNullable)
        {
            var values = new T?[result.Length];
            await rowGroup.ReadAsync(field, values.AsMemory(), null, cancellationToken).ConfigureAwait(false);
            for (int i = 0; i < values.Length; i++)
            {
                result[i] = values[i] is { } value ? convert(value) : default;
            }
        }
        else
        {
            var values = new T[result.Length];
            await rowGroup.ReadAsync(field, values.AsMemory(), null, cancellationToken).ConfigureAwait(false);
            for (int i = 0; i < values.Length; i++)
            {
                result[i] = convert(values[i]);
            }
        }

        return result;
    }

    /// <summary>The values of one row group; optional columns are <c>null</c> when the file lacks them.</summary>
    internal sealed record RowGroupValues(int Count, string?[] Texts, string?[]? Ids, string?[]? Urls, DateTimeOffset?[]? Dates);
}
