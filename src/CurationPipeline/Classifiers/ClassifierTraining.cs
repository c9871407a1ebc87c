using System.Diagnostics;

namespace CurationPipeline.Classifiers;

/// <summary>Splits labelled data (stratified, seeded), trains an n-gram model, tunes its threshold on validation and reports held-out metrics.</summary>
public static class ClassifierTraining
{
    /// <summary>Runs the split, training, threshold choice and evaluation.</summary>
    /// <param name="name">The classifier name.</param>
    /// <param name="examples">All labelled examples.</param>
    /// <param name="options">Split and training options.</param>
    /// <returns>The model and its metrics.</returns>
    /// <exception cref="ArgumentException">The examples cannot train a model (see <see cref="NgramClassifierTrainer.Train"/>) or a split is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public static ClassifierTrainingResult Run(string name, IReadOnlyList<LabeledText> examples, ClassifierTrainingOptions options)
    {
        options.Validate();
        (List<LabeledText> train, List<LabeledText> validation, List<LabeledText> test) = Split(examples, options);
        if (validation.Count == 0 || test.Count == 0)
        {
            throw new ArgumentException($"Too few examples ({examples.Count}) for a validation and a test split.", nameof(examples));
        }

        var clock = Stopwatch.StartNew();
        NgramClassifier model = NgramClassifierTrainer.Train(name, train, options.Ngram);
        double seconds = clock.Elapsed.TotalSeconds;
        ClassifierMetrics tuned = Evaluate(model, validation, options, threshold: null);
        model = model.WithThreshold(tuned.Threshold);
        return new ClassifierTrainingResult(model, train.Count, tuned, Evaluate(model, test, options, model.Threshold), seconds);
    }

    /// <summary>Scores examples and computes metrics at a threshold, or at the best one when <paramref name="threshold"/> is null.</summary>
    /// <param name="model">The model.</param>
    /// <param name="examples">Labelled examples of the model's kind.</param>
    /// <param name="options">Supplies <see cref="ClassifierTrainingOptions.MinPrecision"/> and <see cref="ClassifierTrainingOptions.TargetThreshold"/>.</param>
    /// <param name="threshold">The decision threshold, or <c>null</c> to choose one.</param>
    /// <returns>The metrics.</returns>
    public static ClassifierMetrics Evaluate(NgramClassifier model, IReadOnlyList<LabeledText> examples, ClassifierTrainingOptions options, double? threshold)
    {
        var scores = new double[examples.Count];
        var truths = new bool[examples.Count];
        double squares = 0;
        string? negative = model.NegativeLabel;
        for (int i = 0; i < examples.Count; i++)
        {
            scores[i] = model.Score(examples[i].Text);
            if (negative is null)
            {
                truths[i] = examples[i].Value >= options.TargetThreshold;
                squares += (scores[i] - examples[i].Value) * (scores[i] - examples[i].Value);
            }
            else
            {
                truths[i] = !string.Equals(examples[i].Label, negative, StringComparison.Ordinal);
            }
        }

        double? rmse = negative is null && examples.Count > 0 ? Math.Sqrt(squares / examples.Count) : null;
        double chosen = threshold ?? ClassifierMetrics.ChooseThreshold(scores, truths, options.MinPrecision);
        return ClassifierMetrics.At(scores, truths, chosen, rmse);
    }

    /// <summary>Stratified split: within each label (or, for scores, each rounded score) a seeded shuffle, then test, validation and train shares.</summary>
    private static (List<LabeledText> Train, List<LabeledText> Validation, List<LabeledText> Test) Split(IReadOnlyList<LabeledText> examples, ClassifierTrainingOptions options)
    {
        var random = new Random(options.SplitSeed);
        var train = new List<LabeledText>();
        var validation = new List<LabeledText>();
        var test = new List<LabeledText>();
        foreach (IGrouping<string, LabeledText> group in examples.GroupBy(e => e.Label ?? Math.Round(e.Value).ToString(System.Globalization.CultureInfo.InvariantCulture)).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            LabeledText[] items = [.. group];
            random.Shuffle(items);
            int testCount = (int)Math.Round(items.Length * options.TestFraction);
            int validationCount = (int)Math.Round(items.Length * options.ValidationFraction);
            test.AddRange(items.Take(testCount));
            validation.AddRange(items.Skip(testCount).Take(validationCount));
            train.AddRange(items.Skip(testCount + validationCount));
        }

        return (train, validation, test);
    }
}
