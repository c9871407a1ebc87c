using CurationPipeline.Classifiers.Internal;
using CurationPipeline.Classifiers.Training.Internal;

namespace CurationPipeline.Classifiers.Training;

/// <summary>Trains <see cref="NgramClassifier"/> models with AdaGrad on hashed n-gram features, single-threaded and deterministic.</summary>
public static class NgramClassifierTrainer
{
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
        bool chars = options.CharNgramMax > 0;
        ClassifierMetadata metadata = TrainingTargets.Describe(name, examples, options.NegativeLabel) with
        {
            HashBits = options.HashBits,
            MaxChars = options.MaxChars,
            CharNgramMin = chars ? options.CharNgramMin : 0,
            CharNgramMax = chars ? options.CharNgramMax : 0,
            CharNgramChars = chars ? options.CharNgramChars : 0,
            CodeLines = options.CodeLines,
            Arithmetic = options.Arithmetic,
        };
        int outputs = metadata.Outputs;
        int[] targets = TrainingTargets.TargetIndexes(metadata, examples);
        double[] exampleWeights = TrainingTargets.ExampleWeights(metadata, targets, options.BalanceClasses);
        SparseRows rows = SparseRows.Build(examples, metadata);

        int buckets = 1 << options.HashBits;
        var weights = new float[buckets * outputs];
        var squares = new float[buckets * outputs];
        var bias = new double[outputs];
        var biasSquares = new double[outputs];
        var logits = new double[outputs];
        var gradient = new double[outputs];
        int[] order = [.. Enumerable.Range(0, examples.Count)];
        var random = new Random(options.Seed);
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

                TrainingTargets.OutputGradient(metadata.Kind, logits, targets[e], examples[e].Value, gradient);
                for (int k = 0; k < outputs; k++)
                {
                    double g = gradient[k] * exampleWeights[e];
                    AdaGrad.Step(bias, biasSquares, k, g, options.LearningRate);
                    for (int j = 0; j < features.Length; j++)
                    {
                        AdaGrad.Step(weights, squares, (features[j] * outputs) + k, g * values[j], options.LearningRate, options.L2);
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
}
