namespace CurationPipeline.Classifiers;

/// <summary>
/// The <c>quality_buckets:</c> section: classifier scores combined into one integer quality bucket per document, a column the
/// mix can select or weight on (Nemotron-CC's ensemble rule).
/// </summary>
/// <remarks>
/// Each listed classifier places a document in bucket <c>k</c>, the number of its edges the score reaches (score ≥ edge);
/// the document's bucket is the highest any classifier gives, so a page one model rates highly is not buried by a model that
/// misses its kind of quality. With <c>n</c> edges per classifier the buckets run 0 … n. Edges are fixed numbers rather than
/// percentiles of the run, so a document's bucket depends on its own scores only (the same in every task and rerun).
/// </remarks>
public sealed record QualityBucketOptions
{
    /// <summary>The annotated column that holds the bucket (a number 0 … n). Default <c>quality_bucket</c>.</summary>
    public string Column { get; init; } = "quality_bucket";

    /// <summary>Per classifier (its score column: <c>quality</c>, <c>quality-head</c>, an ONNX classifier's name), the ascending bucket edges; every list has the same length.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<double>> Edges { get; init; } = new Dictionary<string, IReadOnlyList<double>>();

    /// <summary>The highest bucket: the number of edges per classifier.</summary>
    public int Buckets => Edges.Count == 0 ? 0 : Edges.First().Value.Count;

    /// <summary>Checks the options.</summary>
    /// <exception cref="ArgumentException">No classifier, an empty or unordered edge list, lists of different lengths, or no column name.</exception>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Column))
        {
            throw new ArgumentException("column must name the bucket column.", nameof(Column));
        }

        if (Edges.Count == 0)
        {
            throw new ArgumentException("edges must list at least one classifier with its bucket edges.", nameof(Edges));
        }

        foreach ((string classifier, IReadOnlyList<double> edges) in Edges)
        {
            if (edges.Count == 0 || edges.Count != Buckets)
            {
                throw new ArgumentException($"edges of '{classifier}': every classifier needs the same number of edges (at least one); found {edges.Count} and {Buckets}.", nameof(Edges));
            }

            for (int i = 0; i < edges.Count; i++)
            {
                if (!double.IsFinite(edges[i]) || (i > 0 && edges[i] <= edges[i - 1]))
                {
                    throw new ArgumentException($"edges of '{classifier}' must be finite and strictly ascending; found {string.Join(", ", edges)}.", nameof(Edges));
                }
            }
        }
    }
}
