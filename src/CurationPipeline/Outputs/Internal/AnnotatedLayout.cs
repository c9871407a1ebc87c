using System.Globalization;
using System.Text;
using CurationPipeline.Documents;

namespace CurationPipeline.Outputs.Internal;

/// <summary>Columns of an annotated shard, one row per <see cref="AnnotatedDocument"/>; <c>date</c> is an ISO-8601 string.</summary>
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

    public AnnotatedLayout() => Initialize(_id, _url, _text, _title, _language, _date, _charset, _sourcePath, _sourceOffset,
        new ValueColumn<AnnotatedDocument, int>("n_chars", d => d.Text.Length));

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
    };
}
