using System.Collections.Immutable;

namespace CurationPipeline.Extraction.Evaluation;

/// <summary>Benchmark totals: per-item precision and recall averaged over items, F1 of the two means, and exact-match accuracy.</summary>
public sealed record ExtractionEvaluation
{
    /// <summary>Mean per-item precision over items with a non-empty prediction.</summary>
    public required double Precision { get; init; }

    /// <summary>Mean per-item recall over items with a non-empty ground truth.</summary>
    public required double Recall { get; init; }

    /// <summary>Harmonic mean of <see cref="Precision"/> and <see cref="Recall"/>.</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>Share of items whose token sequence equals the ground truth.</summary>
    public required double Accuracy { get; init; }

    /// <summary>Per-item scores, ordered by id.</summary>
    public required ImmutableArray<ExtractionItemScore> Items { get; init; }

    /// <summary>Time spent extracting (zero when scoring precomputed predictions).</summary>
    public TimeSpan ExtractionTime { get; init; }

    /// <summary>Total HTML chars extracted.</summary>
    public long HtmlChars { get; init; }

    /// <summary>Pages per second of single-thread extraction; 0 when not timed.</summary>
    public double DocumentsPerSecond => ExtractionTime <= TimeSpan.Zero ? 0 : Items.Length / ExtractionTime.TotalSeconds;
}
