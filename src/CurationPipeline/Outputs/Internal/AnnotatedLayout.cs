using System.Globalization;
using System.Text;
using CurationPipeline.Documents;
using Parquet.Schema;

namespace CurationPipeline.Outputs.Internal;

/// <summary>
/// Columns of an annotated shard, one row per <see cref="AnnotatedDocument"/>; <c>date</c> is an ISO-8601 string. After the
/// fixed columns come <c>filter_reason</c> and one column per signal of the run's <see cref="SignalSchema"/>.
/// </summary>
internal sealed class AnnotatedLayout : ParquetRowLayout<AnnotatedDocument>
{
    private readonly StringColumn<AnnotatedDocument> _id = new("id", nullable: false, d => d.Id);
    private readonly StringColumn<AnnotatedDocument> _url = new("url", nullable: true, d => d.Url);
    private readonly StringColumn<AnnotatedDocument> _text = new("text", nullable: false, d => d.Text);
    private readonly StringColumn<AnnotatedDocument> _title = new("title", nullable: true, d => d.Title);
    private readonly StringColumn<AnnotatedDocument> _language = new("declared_language", nullable: true, d => d.DeclaredLanguage);
    private readonly StringColumn<AnnotatedDocument> _date = new("date", nullable: true, d => d.Date?.ToString("O", CultureInfo.InvariantCulture));
    private readonly StringColumn<AnnotatedDocument> _charset = new("charset", nullable: true, d => d.Charset);
    private readonly StringColumn<AnnotatedDocument> _sourcePath = new("source_path", nullable: false, d => d.SourcePath);
    private readonly ValueColumn<AnnotatedDocument, long> _sourceOffset = new("source_offset", d => d.SourceOffset);

    private readonly StringColumn<AnnotatedDocument> _filterReason = new(FilterReasonColumn, nullable: true, d => d.FilterReason);
    private readonly SignalSchema _signals;
    private readonly ValueColumn<AnnotatedDocument, double>[] _numbers;
    private readonly StringColumn<AnnotatedDocument>[] _texts;

    public AnnotatedLayout(SignalSchema signals, IReadOnlyDictionary<string, DataField>? fileFields = null)
    {
        _signals = signals;
        var numbers = new List<ValueColumn<AnnotatedDocument, double>>();
        var texts = new List<StringColumn<AnnotatedDocument>>();
        var signalColumns = new List<ParquetColumn<AnnotatedDocument>>();
        foreach ((string name, SignalKind kind) in signals.Columns)
        {
            if (kind == SignalKind.Number)
            {
                int n = numbers.Count;
                numbers.Add(new ValueColumn<AnnotatedDocument, double>(name, d => d.Signals.Numbers[n], fileFields?.GetValueOrDefault(name)));
                signalColumns.Add(numbers[^1]);
            }
            else
            {
                int t = texts.Count;
                texts.Add(new StringColumn<AnnotatedDocument>(name, nullable: true, d => d.Signals.Texts[t], fileFields?.GetValueOrDefault(name)));
                signalColumns.Add(texts[^1]);
            }
        }

        _numbers = [.. numbers];
        _texts = [.. texts];
        Initialize([_id, _url, _text, _title, _language, _date, _charset, _sourcePath, _sourceOffset,
            new ValueColumn<AnnotatedDocument, int>("n_chars", d => d.Text.Length), _filterReason, .. signalColumns]);
    }

    /// <summary>The layout that reads a file's annotated rows: its signal columns are whatever the writing run configured (every column after the fixed ones).</summary>
    public static AnnotatedLayout ForFile(ParquetSchema schema)
    {
        DataField[] signalFields = [.. schema.GetDataFields().Where(f => !FixedColumns.Contains(f.Name))];
        var signals = new SignalSchema(signalFields.Select(f => (f.Name, f.ClrType == typeof(double) ? SignalKind.Number : SignalKind.Text)));
        return new AnnotatedLayout(signals, signalFields.ToDictionary(f => f.Name, StringComparer.Ordinal));
    }

    /// <summary>The signal columns this layout reads or writes.</summary>
    public SignalSchema Signals => _signals;

    /// <summary>The name of the column holding the first filter's drop reason.</summary>
    public const string FilterReasonColumn = "filter_reason";

    /// <summary>The fixed columns before the signals.</summary>
    public static IReadOnlySet<string> FixedColumns { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "id", "url", "text", "title", "declared_language", "date", "charset", "source_path", "source_offset", "n_chars", FilterReasonColumn,
    };

    /// <summary>UTF-8 bytes of the text.</summary>
    public override long WeightOf(AnnotatedDocument row) => Encoding.UTF8.GetByteCount(row.Text);

    protected override AnnotatedDocument CreateRow(int index) => new()
    {
        Id = _id.Required(index),
        Url = _url[index],
        Text = _text.Required(index),
        Title = _title[index],
        DeclaredLanguage = _language[index],
        Date = _date[index] is { } date ? DateTimeOffset.Parse(date, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind) : null,
        Charset = _charset[index],
        SourcePath = _sourcePath.Required(index),
        SourceOffset = _sourceOffset[index],
        FilterReason = _filterReason[index],
        Signals = _signals.Columns.Count == 0
            ? SignalSet.Empty
            : new SignalSet(_signals, Array.ConvertAll(_numbers, c => c[index]), Array.ConvertAll(_texts, c => c[index])),
    };
}
