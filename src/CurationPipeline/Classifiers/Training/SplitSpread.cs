using System.Globalization;

namespace CurationPipeline.Classifiers.Training;

/// <summary>
/// Held-out metrics of the same training recipe over several stratified splits (each trains a fresh model and tunes its own
/// threshold): with few positives one split's F1 is noisy, and the spread says how much.
/// </summary>
public sealed record SplitSpread
{
    /// <summary>Creates a spread from measured splits.</summary>
    /// <param name="tests">The held-out test metrics of each split, in split-seed order; at least one.</param>
    /// <param name="firstSeed">The split seed of the first entry.</param>
    /// <exception cref="ArgumentException"><paramref name="tests"/> is empty.</exception>
    public SplitSpread(IReadOnlyList<ClassifierMetrics> tests, int firstSeed)
    {
        ArgumentNullException.ThrowIfNull(tests);
        if (tests.Count == 0)
        {
            throw new ArgumentException("A spread needs at least one split.", nameof(tests));
        }

        Tests = tests;
        FirstSeed = firstSeed;
    }

    /// <summary>The held-out test metrics of each split, in split-seed order.</summary>
    public IReadOnlyList<ClassifierMetrics> Tests { get; }

    /// <summary>The split seed of the first entry; the others follow it by one.</summary>
    public int FirstSeed { get; }

    /// <summary>The fixed threshold every split was measured at, or <c>null</c> when each split tuned its own on validation.</summary>
    public double? FixedThreshold { get; init; }

    /// <summary>Mean held-out F1.</summary>
    public double MeanF1 => Tests.Average(m => m.F1);

    /// <summary>Lowest held-out F1.</summary>
    public double MinF1 => Tests.Min(m => m.F1);

    /// <summary>Highest held-out F1.</summary>
    public double MaxF1 => Tests.Max(m => m.F1);

    /// <summary>Mean held-out precision.</summary>
    public double MeanPrecision => Tests.Average(m => m.Precision);

    /// <summary>Mean held-out recall.</summary>
    public double MeanRecall => Tests.Average(m => m.Recall);

    /// <summary>Trains and evaluates with split seeds <c>options.SplitSeed</c> … <c>options.SplitSeed + splits − 1</c>.</summary>
    /// <param name="options">The split options; only the seed changes between runs.</param>
    /// <param name="splits">How many splits (at least 2).</param>
    /// <param name="first">The result already trained with <c>options</c> (the first split), or <c>null</c> to train it here.</param>
    /// <param name="run">The training recipe, e.g. <c>o =&gt; ClassifierTraining.Run(name, examples, o)</c>.</param>
    /// <returns>The spread.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="splits"/> is below 2.</exception>
    public static SplitSpread Measure(ClassifierTrainingOptions options, int splits, ClassifierTrainingResult? first, Func<ClassifierTrainingOptions, ClassifierTrainingResult> run)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentOutOfRangeException.ThrowIfLessThan(splits, 2);
        ClassifierTrainingResult head = first ?? run(options);
        return new SplitSpread([head.Test, .. Enumerable.Range(1, splits - 1).Select(k => run(options with { SplitSeed = options.SplitSeed + k }).Test)], options.SplitSeed)
        {
            FixedThreshold = options.Threshold,
        };
    }

    /// <summary>One sentence for a console or a model card.</summary>
    /// <returns>The sentence.</returns>
    public string Describe()
    {
        string threshold = FixedThreshold is { } t
            ? string.Create(CultureInfo.InvariantCulture, $"scores at the shipped threshold {t:G4}")
            : "tunes its threshold on its own validation split";
        return string.Create(CultureInfo.InvariantCulture,
            $"Across {Tests.Count} stratified splits (seeds {FirstSeed}–{FirstSeed + Tests.Count - 1}; each trains a fresh model and {threshold}): " +
            $"held-out F1 mean {MeanF1:F3} (min {MinF1:F3}, max {MaxF1:F3}), precision {MeanPrecision:F3}, recall {MeanRecall:F3}.");
    }
}
