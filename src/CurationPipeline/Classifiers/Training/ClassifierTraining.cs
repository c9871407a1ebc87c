using System.Diagnostics;
using System.Globalization;

namespace CurationPipeline.Classifiers.Training;

/// <summary>Splits labelled data (stratified, seeded), trains an n-gram model or an embedding head, tunes its threshold on validation and reports held-out metrics.</summary>
public static class ClassifierTraining
{
    /// <summary>Runs the split, n-gram training, threshold choice and evaluation.</summary>
    /// <param name="name">The classifier name.</param>
    /// <param name="examples">All labelled examples.</param>
    /// <param name="options">Split and training options.</param>
    /// <returns>The model and its metrics.</returns>
    /// <exception cref="ArgumentException">The examples cannot train a model (see <see cref="NgramClassifierTrainer.Train"/>) or a split is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public static ClassifierTrainingResult Run(string name, IReadOnlyList<LabeledText> examples, ClassifierTrainingOptions options)
    {
        options.Validate();
        (int[] train, int[] validation, int[] test) = Split(examples, options);
        var clock = Stopwatch.StartNew();
        NgramClassifier model = NgramClassifierTrainer.Train(name, Pick(examples, train), options.Ngram);
        double seconds = clock.Elapsed.TotalSeconds;
        double[] scores = new double[examples.Count];
        foreach (int i in validation.Concat(test))
        {
            scores[i] = model.Score(examples[i].Text);
        }

        ClassifierMetrics tuned = Measure(model, examples, scores, validation, options, options.Threshold);
        return new ClassifierTrainingResult(model.WithThreshold(tuned.Threshold), train.Length, tuned, Measure(model, examples, scores, test, options, tuned.Threshold), seconds);
    }

    /// <summary>Runs the split, embedding-head training, threshold choice and evaluation on precomputed embeddings.</summary>
    /// <param name="name">The classifier name.</param>
    /// <param name="examples">All labelled examples.</param>
    /// <param name="embeddings">One embedding per example.</param>
    /// <param name="embeddingModel">The embedding model's name.</param>
    /// <param name="options">Split options.</param>
    /// <param name="head">Head hyper-parameters.</param>
    /// <returns>The head and its metrics.</returns>
    /// <exception cref="ArgumentException">The examples cannot train a model or a split is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public static ClassifierTrainingResult RunHead(string name, IReadOnlyList<LabeledText> examples, IReadOnlyList<float[]> embeddings, string embeddingModel, ClassifierTrainingOptions options, EmbeddingHeadOptions head) =>
        RunHead(examples, embeddings, options, (trainExamples, trainEmbeddings) => EmbeddingHeadTrainer.Train(name, trainExamples, trainEmbeddings, embeddingModel, head));

    /// <summary>Runs the split, training by <paramref name="train"/> (e.g. a TorchSharp trainer), threshold choice and evaluation on precomputed embeddings.</summary>
    /// <param name="examples">All labelled examples.</param>
    /// <param name="embeddings">One embedding per example.</param>
    /// <param name="options">Split options.</param>
    /// <param name="train">Trains a head on the training split's examples and embeddings.</param>
    /// <returns>The head and its metrics.</returns>
    /// <exception cref="ArgumentException">The examples cannot train a model or a split is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public static ClassifierTrainingResult RunHead(IReadOnlyList<LabeledText> examples, IReadOnlyList<float[]> embeddings, ClassifierTrainingOptions options,
        Func<IReadOnlyList<LabeledText>, IReadOnlyList<float[]>, EmbeddingHead> train)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(train);
        options.Validate();
        (int[] trainSplit, int[] validation, int[] test) = Split(examples, options);
        var clock = Stopwatch.StartNew();
        EmbeddingHead model = train(Pick(examples, trainSplit), Pick(embeddings, trainSplit));
        double seconds = clock.Elapsed.TotalSeconds;
        double[] scores = new double[examples.Count];
        foreach (int i in validation.Concat(test))
        {
            scores[i] = model.Score(embeddings[i]);
        }

        ClassifierMetrics tuned = Measure(model, examples, scores, validation, options, options.Threshold);
        return new ClassifierTrainingResult(model.WithThreshold(tuned.Threshold), trainSplit.Length, tuned, Measure(model, examples, scores, test, options, tuned.Threshold), seconds);
    }

    /// <summary>Metrics of precomputed scores over a subset of examples, at a threshold or at the best one when <paramref name="threshold"/> is null.</summary>
    private static ClassifierMetrics Measure(ITrainedClassifier model, IReadOnlyList<LabeledText> examples, double[] allScores, int[] subset, ClassifierTrainingOptions options, double? threshold)
    {
        var scores = new double[subset.Length];
        var truths = new bool[subset.Length];
        double squares = 0;
        string? negative = model.NegativeLabel;
        for (int j = 0; j < subset.Length; j++)
        {
            LabeledText example = examples[subset[j]];
            scores[j] = allScores[subset[j]];
            if (negative is null)
            {
                truths[j] = example.Value >= options.TargetThreshold;
                squares += (scores[j] - example.Value) * (scores[j] - example.Value);
            }
            else
            {
                truths[j] = !string.Equals(example.Label, negative, StringComparison.Ordinal);
            }
        }

        double? rmse = negative is null ? Math.Sqrt(squares / subset.Length) : null;
        double chosen = threshold ?? ClassifierMetrics.ChooseThreshold(scores, truths, options.MinPrecision);
        return ClassifierMetrics.At(scores, truths, chosen, rmse);
    }

    private static List<T> Pick<T>(IReadOnlyList<T> items, int[] indexes) => [.. indexes.Select(i => items[i])];

    /// <summary>Stratified split of example indexes: within each label (or, for scores, each rounded score) a seeded shuffle, then test, validation and train shares.</summary>
    private static (int[] Train, int[] Validation, int[] Test) Split(IReadOnlyList<LabeledText> examples, ClassifierTrainingOptions options)
    {
        var random = new Random(options.SplitSeed);
        var train = new List<int>();
        var validation = new List<int>();
        var test = new List<int>();
        foreach (IGrouping<string, int> group in Enumerable.Range(0, examples.Count)
            .GroupBy(i => examples[i].Label ?? Math.Round(examples[i].Value).ToString(CultureInfo.InvariantCulture))
            .OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            int[] items = [.. group];
            random.Shuffle(items);
            int testCount = (int)Math.Round(items.Length * options.TestFraction);
            int validationCount = (int)Math.Round(items.Length * options.ValidationFraction);
            test.AddRange(items.Take(testCount));
            validation.AddRange(items.Skip(testCount).Take(validationCount));
            train.AddRange(items.Skip(testCount + validationCount));
        }

        if (validation.Count == 0 || test.Count == 0)
        {
            throw new ArgumentException($"Too few examples ({examples.Count}) for a validation and a test split.", nameof(examples));
        }

        return ([.. train], [.. validation], [.. test]);
    }
}
