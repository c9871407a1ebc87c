using System.Collections.Immutable;
using CurationPipeline.Classifiers.Internal;

namespace CurationPipeline.Classifiers;

/// <summary>Trains <see cref="NgramClassifier"/> models with AdaGrad on hashed n-gram features, single-threaded and deterministic.</summary>
public static class NgramClassifierTrainer
{
    private static readonly string[] s_negativeNames = ["0", "false", "neither", "negative", "no"];

    /// <summary>Trains a model; the kind follows the data (scores: regression; two labels: binary; more: multi-class).</summary>
    /// <param name="name">The classifier name (its signal column).</param>
    /// <param name="examples">Training examples, all labelled or all scored.</param>
    /// <param name="options">Hyper-parameters.</param>
    /// <returns>The model, with threshold 0.5 (binary, multi-class) or 0 (regression) until a caller tunes it.</returns>
    /// <exception cref="ArgumentException">No examples, one label only, labels mixed with scores, or an unknown <see cref="NgramTrainingOptions.NegativeLabel"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public static NgramClassifier Train(string name, IReadOnlyList<LabeledText> examples, NgramTrainingOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        options.Validate();
        ClassifierMetadata metadata = Describe(name, examples, options);
        int outputs = metadata.Outputs;
        int[] targets = TargetIndexes(metadata, examples);
        double[] exampleWeights = ExampleWeights(metadata, targets, options.BalanceClasses);
        SparseRows rows = SparseRows.Build(examples, options.HashBits, options.MaxChars);

        int buckets = 1 << options.HashBits;
        var weights = new float[buckets * outputs];
        var squares = new float[buckets * outputs];
        var bias = new double[outputs];
        var biasSquares = new double[outputs];
        var logits = new double[outputs];
        var gradient = new double[outputs];
        int[] order = [.. Enumerable.Range(0, examples.Count)];
        var random = new Random(options.Seed);
        const double epsilon = 1e-8;
        for (int epoch = 0; epoch < options.Epochs; epoch++)
        {
            random.Shuffle(order);
            foreach (int e in order)
            {
                ReadOnlySpan<int> features = rows.Buckets(e);
                ReadOnlySpan<float> values = rows.Values(e);
                for (int k = 0; k < outputs; k++)
                {
                    double z = bias[k];
                    for (int j = 0; j < features.Length; j++)
                    {
                        z += weights[(features[j] * outputs) + k] * values[j];
                    }

                    logits[k] = z;
                }

                OutputGradient(metadata.Kind, logits, targets[e], examples[e].Value, gradient);
                for (int k = 0; k < outputs; k++)
                {
                    double g = gradient[k] * exampleWeights[e];
                    biasSquares[k] += g * g;
                    bias[k] -= options.LearningRate * g / (Math.Sqrt(biasSquares[k]) + epsilon);
                    for (int j = 0; j < features.Length; j++)
                    {
                        int at = (features[j] * outputs) + k;
                        double gw = (g * values[j]) + (options.L2 * weights[at]);
                        squares[at] += (float)(gw * gw);
                        weights[at] -= (float)(options.LearningRate * gw / (Math.Sqrt(squares[at]) + epsilon));
                    }
                }
            }
        }

        for (int i = 0; i < weights.Length; i++)
        {
            if (Math.Abs(weights[i]) < options.PruneBelow)
            {
                weights[i] = 0;
            }
        }

        var finalBias = new float[outputs];
        for (int k = 0; k < outputs; k++)
        {
            finalBias[k] = (float)bias[k];
        }

        return new NgramClassifier(metadata, weights, finalBias);
    }

    /// <summary>Derivative of the loss with respect to each output (p − y for all three kinds).</summary>
    private static void OutputGradient(ClassifierKind kind, double[] logits, int target, double value, double[] gradient)
    {
        switch (kind)
        {
            case ClassifierKind.Regression:
                gradient[0] = logits[0] - value;
                break;
            case ClassifierKind.Binary:
                gradient[0] = NgramClassifier.Sigmoid(logits[0]) - target;
                break;
            default:
                logits.CopyTo(gradient, 0);
                NgramClassifier.Softmax(gradient);
                gradient[target] -= 1;
                break;
        }
    }

    private static ClassifierMetadata Describe(string name, IReadOnlyList<LabeledText> examples, NgramTrainingOptions options)
    {
        if (examples.Count == 0)
        {
            throw new ArgumentException("No training examples.", nameof(examples));
        }

        int scored = examples.Count(e => e.Label is null);
        if (scored == examples.Count)
        {
            return new ClassifierMetadata { Name = name, Kind = ClassifierKind.Regression, Labels = [], Threshold = 0, HashBits = options.HashBits, MaxChars = options.MaxChars };
        }

        if (scored > 0)
        {
            throw new ArgumentException("Examples mix labels and scores.", nameof(examples));
        }

        string[] labels = [.. examples.Select(e => e.Label!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        if (labels.Length < 2)
        {
            throw new ArgumentException($"Training needs at least two labels; found only '{labels.FirstOrDefault()}'.", nameof(examples));
        }

        string negative = options.NegativeLabel ?? DefaultNegative(labels);
        if (!labels.Contains(negative, StringComparer.Ordinal))
        {
            throw new ArgumentException($"Negative label '{negative}' is not among the labels ({string.Join(", ", labels)}).", nameof(options));
        }

        ImmutableArray<string> ordered = labels.Length == 2 ? [negative, labels[0] == negative ? labels[1] : labels[0]] : [.. labels];
        return new ClassifierMetadata
        {
            Name = name,
            Kind = labels.Length == 2 ? ClassifierKind.Binary : ClassifierKind.Multiclass,
            Labels = ordered,
            NegativeLabel = negative,
            HashBits = options.HashBits,
            MaxChars = options.MaxChars,
        };
    }

    private static string DefaultNegative(string[] labels)
    {
        foreach (string known in s_negativeNames)
        {
            foreach (string label in labels)
            {
                if (string.Equals(label, known, StringComparison.OrdinalIgnoreCase))
                {
                    return label;
                }
            }
        }

        return labels[0];
    }

    private static int[] TargetIndexes(ClassifierMetadata metadata, IReadOnlyList<LabeledText> examples)
    {
        var targets = new int[examples.Count];
        if (metadata.Kind != ClassifierKind.Regression)
        {
            for (int i = 0; i < examples.Count; i++)
            {
                targets[i] = metadata.Labels.IndexOf(examples[i].Label!);
            }
        }

        return targets;
    }

    private static double[] ExampleWeights(ClassifierMetadata metadata, int[] targets, bool balance)
    {
        var weights = new double[targets.Length];
        Array.Fill(weights, 1.0);
        if (!balance || metadata.Kind == ClassifierKind.Regression)
        {
            return weights;
        }

        var counts = new int[metadata.Labels.Length];
        foreach (int t in targets)
        {
            counts[t]++;
        }

        for (int i = 0; i < targets.Length; i++)
        {
            weights[i] = targets.Length / ((double)counts.Length * counts[targets[i]]);
        }

        return weights;
    }
}
