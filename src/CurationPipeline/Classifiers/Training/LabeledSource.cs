namespace CurationPipeline.Classifiers.Training;

/// <summary>The labelled examples that came from one source (a corpus, site or platform), for validation across sources.</summary>
/// <param name="Name">A short source name, e.g. <c>davidson</c>.</param>
/// <param name="Examples">Its examples.</param>
/// <param name="EvaluationOnly">The source is only ever tested on, never trained on (e.g. a diagnostic suite of near-duplicates).</param>
public sealed record LabeledSource(string Name, IReadOnlyList<LabeledText> Examples, bool EvaluationOnly = false)
{
    /// <summary>
    /// Examples derived from this source's own (e.g. sections of its pages) that a model trains on whenever it trains on the source:
    /// leaving the source out leaves these out too, and its leave-one-source-out row tests on <see cref="Examples"/> only.
    /// </summary>
    /// <remarks>Default: none. In a label set (<see cref="LeaveOneSourceOut.TrainingExamples"/>) they are examples like the others, so the
    /// in-source splits hold some of them.</remarks>
    public IReadOnlyList<LabeledText> TrainingExtras { get; init; } = [];

    /// <summary>
    /// At most <paramref name="maxExamples"/> of the examples, stratified by label (regression: by rounded score) and seeded, in
    /// their original order; the source itself when it is no larger.
    /// </summary>
    /// <param name="maxExamples">The most examples kept.</param>
    /// <param name="seed">Seed of the per-label shuffle.</param>
    /// <returns>The sample.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxExamples"/> is below 1.</exception>
    public LabeledSource Sample(int maxExamples, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxExamples, 1);
        if (Examples.Count <= maxExamples)
        {
            return this;
        }

        var random = new Random(seed);
        var kept = new List<int>(maxExamples);
        foreach (IGrouping<string, int> group in Enumerable.Range(0, Examples.Count)
            .GroupBy(i => Examples[i].Label ?? Math.Round(Examples[i].Value).ToString(System.Globalization.CultureInfo.InvariantCulture))
            .OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            int[] items = [.. group];
            random.Shuffle(items);
            kept.AddRange(items.Take((int)Math.Round((double)items.Length * maxExamples / Examples.Count)));
        }

        kept.Sort();
        return this with { Examples = [.. kept.Select(i => Examples[i])] };
    }
}
