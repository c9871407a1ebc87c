using CurationPipeline.Documents;
using CurationPipeline.Filters;
using CurationPipeline.Filters.Pii;
using CurationPipeline.Pipelines.Graph;
using CurationPipeline.Pipelines.Stages.Internal;

namespace CurationPipeline.Pipelines.Stages;

/// <summary>
/// Runs the filter cascade: every filter measures the document and its signals become annotated columns (score); the first
/// filter that drops it decides (decide). A dropped document still reaches <c>annotated/</c> with its signals and
/// <c>filter_reason</c>, so a later mix can change thresholds without re-reading the crawl; it goes to <c>rejects/</c> too, with
/// the verdict's detail (what matched) where the filter gives one.
/// Kept text is PII-redacted when configured, with the counts as <c>pii.*</c> signals.
/// </summary>
public sealed class FilterStage : IPipelineStage
{
    /// <summary>The stage name in stats and rejects.</summary>
    public const string StageName = "filter";

    private readonly ITextFilter[] _filters;
    private readonly SignalFlattener[] _flatteners;
    private readonly PiiRedactor? _pii;

    /// <summary>Creates the stage; builds the signal schema from the signals types the filters' <see cref="FilterRegistry"/> entries declare.</summary>
    /// <param name="filters">The cascade, in decision order; each registered under its name.</param>
    /// <param name="pii">The redactor, or <c>null</c> for none.</param>
    /// <param name="prior">The signals earlier stages (classifiers) put on every document; this stage's columns follow them.</param>
    /// <exception cref="KeyNotFoundException">A filter is not registered under its name.</exception>
    public FilterStage(IReadOnlyList<ITextFilter> filters, PiiRedactor? pii, SignalSchema? prior = null)
    {
        prior ??= SignalSchema.Empty;
        _filters = [.. filters];
        _flatteners = Array.ConvertAll(_filters, f => SignalFlattener.For(f.Name, FilterRegistry.Default.Get(f.Name).SignalsType));
        _pii = pii;
        IEnumerable<(string, SignalKind)> numbers = prior.Columns.Where(c => c.Kind == SignalKind.Number)
            .Concat(_flatteners.SelectMany(f => f.Columns.Where(c => c.Kind == SignalKind.Number)));
        IEnumerable<(string, SignalKind)> texts = prior.Columns.Where(c => c.Kind == SignalKind.Text)
            .Concat(_flatteners.SelectMany(f => f.Columns.Where(c => c.Kind == SignalKind.Text)));
        if (pii is not null)
        {
            numbers = numbers.Concat([("pii.emails", SignalKind.Number), ("pii.ip_addresses", SignalKind.Number), ("pii.phone_numbers", SignalKind.Number)]);
        }

        Schema = new SignalSchema([.. numbers, .. texts]);
    }

    /// <summary>The signal columns every document leaving this stage carries.</summary>
    public SignalSchema Schema { get; }

    /// <inheritdoc/>
    public string Name => StageName;

    /// <inheritdoc/>
    public PipelineItem Process(PipelineItem item)
    {
        AnnotatedDocument document = item.Annotated!;
        string text = document.Text;
        var numbers = new double[Schema.NumberCount];
        var texts = new string?[Schema.Columns.Count - Schema.NumberCount];
        string? reason = null, detail = null;
        document.Signals.Numbers.CopyTo(numbers, 0);
        document.Signals.Texts.CopyTo(texts, 0);
        int numberOffset = document.Signals.Numbers.Length, textOffset = document.Signals.Texts.Length;
        for (int i = 0; i < _filters.Length; i++)
        {
            FilterOutcome outcome = _filters[i].Evaluate(text, document.Url);
            _flatteners[i].Write(outcome.Signals, numbers, numberOffset, texts, textOffset);
            numberOffset += _flatteners[i].NumberCount;
            textOffset += _flatteners[i].TextCount;
            if (reason is null && !outcome.Verdict.Keep)
            {
                reason = outcome.Verdict.Reason;
                detail = outcome.Verdict.Detail;
            }
            else if (reason is null && outcome.RewrittenText is { } rewritten)
            {
                text = rewritten; // C4 removes lines; later filters and the output see what it kept.
            }
        }

        if (_pii is not null)
        {
            PiiRedaction redaction = _pii.Redact(text);
            text = redaction.Text;
            numbers[numberOffset] = redaction.Emails;
            numbers[numberOffset + 1] = redaction.IpAddresses;
            numbers[numberOffset + 2] = redaction.PhoneNumbers;
        }

        var annotated = document with { Text = text, Signals = new SignalSet(Schema, numbers, texts), FilterReason = reason };
        PipelineItem result = item with { Annotated = annotated };
        return reason is null ? result : result.Reject(Name, reason, isError: false, detail);
    }
}
