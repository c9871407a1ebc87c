using CurationPipeline.Documents;
using CurationPipeline.Extraction;
using CurationPipeline.Pipelines.Graph;

namespace CurationPipeline.Pipelines.Stages;

/// <summary>Turns raw documents into annotated ones: HTML through the main-content extractor, text inputs as they are.</summary>
public sealed class ExtractStage : IPipelineStage
{
    /// <summary>The stage name in stats and rejects.</summary>
    public const string StageName = "extract";

    private readonly MainContentExtractor _extractor;

    /// <summary>Creates the stage around a thread-safe extractor.</summary>
    public ExtractStage(MainContentExtractor extractor) => _extractor = extractor;

    /// <inheritdoc/>
    public string Name => StageName;

    /// <summary>The stage's signal: <c>extract.confidence</c>, the share of the page's paragraph-like text the main text covers
    /// (<see cref="ExtractionResult.Confidence"/>; NaN for documents that arrive as text and are not extracted).</summary>
    public SignalSchema Schema { get; } = new([(ConfidenceColumn, SignalKind.Number)]);

    /// <summary>The name of the extraction-confidence column in the annotated shards.</summary>
    public const string ConfidenceColumn = "extract.confidence";

    /// <inheritdoc/>
    /// <remarks>Disposes the raw document's <see cref="RawDocument.Content"/>: this stage is its last reader.</remarks>
    public PipelineItem Process(PipelineItem item)
    {
        RawDocument raw = item.Raw!;
        using RawContent content = raw.Content;
        var annotated = new AnnotatedDocument
        {
            Id = raw.Id,
            Url = raw.Url,
            Text = "",
            Date = raw.Date,
            Charset = raw.Charset,
            SourcePath = raw.SourcePath,
            SourceOffset = raw.SourceOffset,
        };

        if (raw.Kind == ContentKind.Html)
        {
            ExtractionResult result = _extractor.Extract(content.Memory, raw.Url);
            if (!result.Succeeded)
            {
                // Limits and empty pages are rules (dropped); a parse failure or a blown time budget is an error.
                bool isError = result.Reason is ExtractionReasons.Timeout or ExtractionReasons.ParseError or ExtractionReasons.Error;
                return item.Reject(Name, result.Reason ?? ExtractionReasons.Error, isError, result.Detail);
            }

            annotated = annotated with
            {
                Text = result.Text,
                Title = NullIfEmpty(result.Title),
                DeclaredLanguage = result.Language,
                Signals = new SignalSet(Schema, [result.Confidence], []),
            };
        }
        else if (content.Span.IsWhiteSpace())
        {
            return item.Reject(Name, ExtractionReasons.Empty, isError: false);
        }
        else
        {
            annotated = annotated with { Text = content.ToString(), Signals = new SignalSet(Schema, [double.NaN], []) };
        }

        return item with { Raw = null, Annotated = annotated };
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
