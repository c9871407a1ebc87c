namespace CurationPipeline.Classifiers;

/// <summary>Computes a document's quality bucket from its classifier scores, as <see cref="QualityBucketOptions"/> describe.</summary>
public sealed class QualityBuckets
{
    private readonly int[] _scoreColumns;
    private readonly double[][] _edges;

    /// <summary>Binds the options to the classifier scores a stage computes.</summary>
    /// <param name="options">The validated options.</param>
    /// <param name="classifierNames">The score columns, in the order the scores are passed to <see cref="Bucket"/>.</param>
    /// <exception cref="ArgumentException">The options name a classifier the pipeline does not score.</exception>
    public QualityBuckets(QualityBucketOptions options, IReadOnlyList<string> classifierNames)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Column = options.Column;
        // Ordinal order of names: the bucket is a max, so the order only keeps the binding reproducible.
        KeyValuePair<string, IReadOnlyList<double>>[] entries = [.. options.Edges.OrderBy(e => e.Key, StringComparer.Ordinal)];
        _scoreColumns = new int[entries.Length];
        _edges = new double[entries.Length][];
        for (int i = 0; i < entries.Length; i++)
        {
            _scoreColumns[i] = IndexOf(classifierNames, entries[i].Key);
            _edges[i] = [.. entries[i].Value];
        }
    }

    /// <summary>The annotated column of the bucket.</summary>
    public string Column { get; }

    /// <summary>The bucket of a document: the highest bucket any listed classifier puts it in (a NaN score counts as bucket 0).</summary>
    /// <param name="scores">The document's classifier scores, in the order given to the constructor.</param>
    public int Bucket(ReadOnlySpan<double> scores)
    {
        int best = 0;
        for (int i = 0; i < _scoreColumns.Length; i++)
        {
            double score = scores[_scoreColumns[i]];
            int reached = 0;
            while (reached < _edges[i].Length && score >= _edges[i][reached])
            {
                reached++;
            }

            best = Math.Max(best, reached);
        }

        return best;
    }

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (int i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        throw new ArgumentException($"quality_buckets names classifier '{name}', which the pipeline does not score; its classifiers: {string.Join(", ", names)}.", nameof(names));
    }
}
