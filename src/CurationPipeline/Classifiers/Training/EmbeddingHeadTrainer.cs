using System.Numerics.Tensors;
using CurationPipeline.Classifiers.Internal;
using CurationPipeline.Classifiers.Training.Internal;

namespace CurationPipeline.Classifiers.Training;

/// <summary>Trains <see cref="EmbeddingHead"/> models with AdaGrad on precomputed embeddings, single-threaded and deterministic.</summary>
public static class EmbeddingHeadTrainer
{
    /// <summary>Trains a head; the kind follows the data as in <see cref="NgramClassifierTrainer.Train"/>.</summary>
    /// <param name="name">The classifier name.</param>
    /// <param name="examples">Labelled or scored examples.</param>
    /// <param name="embeddings">One embedding per example, all of the same length.</param>
    /// <param name="embeddingModel">The embedding model's name, stored in the head.</param>
    /// <param name="options">Hyper-parameters.</param>
    /// <returns>The head, with threshold 0.5 (binary, multi-class) or 0 (regression).</returns>
    /// <exception cref="ArgumentException">The data cannot train a model, or the embeddings do not match the examples.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public static EmbeddingHead Train(string name, IReadOnlyList<LabeledText> examples, IReadOnlyList<float[]> embeddings, string embeddingModel, EmbeddingHeadOptions options)
    {
        options.Validate();
        ClassifierMetadata metadata = TrainingTargets.DescribeHead(name, examples, embeddings, embeddingModel, options.NegativeLabel);
        int dimension = metadata.Dimension;
        int outputs = metadata.Outputs;
        int[] targets = TrainingTargets.TargetIndexes(metadata, examples);
        double[] exampleWeights = TrainingTargets.ExampleWeights(metadata, targets, options.BalanceClasses);
        var weights = new float[outputs * dimension];
        var squares = new float[outputs * dimension];
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
                float[] x = embeddings[e];
                for (int k = 0; k < outputs; k++)
                {
                    logits[k] = bias[k] + TensorPrimitives.Dot(weights.AsSpan(k * dimension, dimension), x);
                }

                TrainingTargets.OutputGradient(metadata.Kind, logits, targets[e], examples[e].Value, gradient);
                for (int k = 0; k < outputs; k++)
                {
                    double g = gradient[k] * exampleWeights[e];
                    AdaGrad.Step(bias, biasSquares, k, g, options.LearningRate);
                    int row = k * dimension;
                    for (int d = 0; d < dimension; d++)
                    {
                        AdaGrad.Step(weights, squares, row + d, g * x[d], options.LearningRate, options.L2);
                    }
                }
            }
        }

        return new EmbeddingHead(metadata, weights, [.. bias.Select(b => (float)b)]);
    }
}
