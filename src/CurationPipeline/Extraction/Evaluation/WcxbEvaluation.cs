using System.Collections.Immutable;

namespace CurationPipeline.Extraction.Evaluation;

/// <summary>WCXB totals: per-page word-level precision, recall and F1 averaged over all pages and per page type.</summary>
public sealed record WcxbEvaluation
{
    /// <summary>Means over every scored page (<see cref="PageTypeScore.PageType"/> is <c>all</c>).</summary>
    public required PageTypeScore Overall { get; init; }

    /// <summary>Means per page type, most pages first.</summary>
    public required ImmutableArray<PageTypeScore> ByPageType { get; init; }

    /// <summary>Per-page scores, ordered by id.</summary>
    public required ImmutableArray<WcxbItemScore> Items { get; init; }

    /// <summary>Time spent extracting (zero when scoring precomputed predictions).</summary>
    public TimeSpan ExtractionTime { get; init; }

    /// <summary>Total HTML chars extracted.</summary>
    public long HtmlChars { get; init; }

    /// <summary>Pages per second of single-thread extraction; 0 when not timed.</summary>
    public double DocumentsPerSecond => ExtractionTime <= TimeSpan.Zero ? 0 : Items.Length / ExtractionTime.TotalSeconds;
}
