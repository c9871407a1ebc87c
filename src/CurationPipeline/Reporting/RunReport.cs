using CurationPipeline.Dedup;
using CurationPipeline.Mixing;
using CurationPipeline.Pipelines;
using CurationPipeline.Pipelines.Graph;
using CurationPipeline.Pipelines.Layout;
using CurationPipeline.Pipelines.Stats;

namespace CurationPipeline.Reporting;

/// <summary>What a run's report shows, read from its output directory only (<see cref="RunReportBuilder"/>).</summary>
public sealed record RunReport
{
    /// <summary>The output directory the report describes.</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>The merged counters (<c>stats.json</c>): the funnel, stage by stage.</summary>
    public required StatsReport Stats { get; init; }

    /// <summary>Every drop and error reason with its count and a few example documents, by stage.</summary>
    public required IReadOnlyList<ReasonExamples> Reasons { get; init; }

    /// <summary>A few documents every filter kept, to set beside the dropped ones.</summary>
    public required IReadOnlyList<ExampleDocument> KeptExamples { get; init; }

    /// <summary>Documents that passed extraction, kept and dropped by the filters, per identified language.</summary>
    public required IReadOnlyList<LanguageFunnel> Languages { get; init; }

    /// <summary>Kept documents and tokens per language and per host, before and after dedup (<c>curate stats</c>'s counts).</summary>
    public TokenSummary? Tokens { get; init; }

    /// <summary>One histogram per numeric signal and classifier score of the annotated shards.</summary>
    public required IReadOnlyList<SignalHistogram> Signals { get; init; }

    /// <summary>The dedup pass's figures, or <c>null</c> when it did not run.</summary>
    public DedupStats? Dedup { get; init; }

    /// <summary>The largest duplicate clusters of the drop list, with their kept and dropped documents.</summary>
    public required IReadOnlyList<DuplicateCluster> LargestClusters { get; init; }

    /// <summary>Semantic drops (SemDeDup) in the drop list.</summary>
    public long SemanticDrops { get; init; }

    /// <summary>The mix report, or <c>null</c> when the run has no mix.</summary>
    public MixReport? Mix { get; init; }

    /// <summary>Training runs found under the training directory (every <c>metrics.jsonl</c>); empty when none was given.</summary>
    public IReadOnlyList<TrainingCurves> Training { get; init; } = [];

    /// <summary>The ablation table (<c>results.md</c> of <c>curate ablate</c>) when the training directory holds one.</summary>
    public string? AblationTable { get; init; }
}

/// <summary>One document as the report shows it: title, URL, a text excerpt.</summary>
/// <param name="Id">The document id.</param>
/// <param name="Url">Its URL, when known.</param>
/// <param name="Title">Its title, when known.</param>
/// <param name="Excerpt">The start of its text (or, for records that never became a document, the rejection's detail).</param>
public sealed record ExampleDocument(string? Id, string? Url, string? Title, string Excerpt);

/// <summary>A reason code of one stage, its count and examples.</summary>
/// <param name="Stage">The stage that counted it.</param>
/// <param name="Reason">The reason code.</param>
/// <param name="IsError">Damage or failure rather than a rule's drop.</param>
/// <param name="Count">How many records or documents.</param>
/// <param name="Examples">Up to <see cref="RunReportBuilder.ExamplesPerReason"/> of them.</param>
public sealed record ReasonExamples(string Stage, string Reason, bool IsError, long Count, IReadOnlyList<ExampleDocument> Examples);

/// <summary>Documents of one language after extraction, how many every filter kept, and how many of those dedup kept.</summary>
/// <param name="Language">The language code of the language-ID signal (<c>?</c> when absent).</param>
/// <param name="Documents">Documents that passed extraction.</param>
/// <param name="Kept">Of those, documents no filter dropped.</param>
/// <param name="AfterDedup">Of those, documents the drop list does not name.</param>
public sealed record LanguageFunnel(string Language, long Documents, long Kept, long AfterDedup);

/// <summary>The distribution of one numeric column of the annotated shards.</summary>
/// <param name="Name">The column.</param>
/// <param name="Minimum">The smallest value seen.</param>
/// <param name="Maximum">The largest value seen.</param>
/// <param name="Counts">Documents per bin; the bins split [minimum, maximum] evenly.</param>
/// <param name="Missing">Documents where the value is NaN (not scored).</param>
/// <param name="Thresholds">Thresholds the mix applies to this column (the mix filters' and domain rules' bounds).</param>
public sealed record SignalHistogram(string Name, double Minimum, double Maximum, IReadOnlyList<long> Counts, long Missing, IReadOnlyList<double> Thresholds);

/// <summary>One duplicate cluster: the document kept and some of the ones dropped for it.</summary>
/// <param name="ClusterId">The drop list's cluster id.</param>
/// <param name="Size">Documents in the cluster (the kept one included).</param>
/// <param name="Reason">The reason of its drops (<c>dedup.exact</c>, <c>dedup.minhash</c>, a semantic reason; the most frequent when mixed).</param>
/// <param name="Kept">The kept document.</param>
/// <param name="Dropped">Up to three dropped documents.</param>
public sealed record DuplicateCluster(ulong ClusterId, int Size, string Reason, ExampleDocument Kept, IReadOnlyList<ExampleDocument> Dropped);
