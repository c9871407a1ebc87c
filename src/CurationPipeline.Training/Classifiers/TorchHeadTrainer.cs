using CurationPipeline.Classifiers;
using CurationPipeline.Classifiers.Internal;
using CurationPipeline.Classifiers.Training;
using CurationPipeline.Classifiers.Training.Internal;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace CurationPipeline.Training.Classifiers;

/// <summary>
/// Trains an <see cref="EmbeddingHead"/> (linear, or one ReLU hidden layer) with TorchSharp: AdamW on mini-batches,
/// class-balanced log loss (binary: sigmoid; multi-class: softmax) or squared error (regression). The result is plain
/// float arrays in the <c>CPHEAD01</c> file, which the pipeline scores without TorchSharp.
/// </summary>
/// <remarks>
/// Deterministic on one machine: <c>torch.manual_seed(Seed)</c> before initialisation (dropout draws from the same global
/// generator), and a seeded generator for the batch order; trainings in one process run one at a time so that they cannot
/// disturb each other's random state (other TorchSharp code in the process still can). Training runs on the CPU (a head over
/// a few thousand embeddings takes seconds). Across CPUs, BLAS kernels may round differently, so retrained bytes can differ
/// in the last bits.
/// </remarks>
public static class TorchHeadTrainer
{
    private static readonly Lock s_globalSeed = new();

    /// <summary>Trains a head; the kind follows the data as in <see cref="EmbeddingHeadTrainer.Train"/>.</summary>
    /// <param name="name">The classifier name.</param>
    /// <param name="examples">Labelled or scored examples.</param>
    /// <param name="embeddings">One embedding per example, all of the same length.</param>
    /// <param name="embeddingModel">The embedding model's name, stored in the head.</param>
    /// <param name="options">Hyper-parameters.</param>
    /// <returns>The head, with threshold 0.5 (classification) or 0 (regression).</returns>
    /// <exception cref="ArgumentException">The data cannot train a model, or the embeddings do not match the examples.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public static EmbeddingHead Train(string name, IReadOnlyList<LabeledText> examples, IReadOnlyList<float[]> embeddings, string embeddingModel, TorchHeadOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        ClassifierMetadata metadata = TrainingTargets.DescribeHead(name, examples, embeddings, embeddingModel, options.NegativeLabel) with { Hidden = options.Hidden };
        int[] targets = TrainingTargets.TargetIndexes(metadata, examples);
        double[] weights = TrainingTargets.ExampleWeights(metadata, targets, options.BalanceClasses);

        lock (s_globalSeed)
        {
            return Train(metadata, examples, embeddings, targets, weights, options);
        }
    }

    private static EmbeddingHead Train(ClassifierMetadata metadata, IReadOnlyList<LabeledText> examples, IReadOnlyList<float[]> embeddings, int[] targets, double[] weights,
        TorchHeadOptions options)
    {
        int dimension = metadata.Dimension;
        using IDisposable scope = NewDisposeScope();
        torch.manual_seed(options.Seed);
        using Sequential model = BuildModel(dimension, options.Hidden, metadata.Outputs, options.Dropout);
        using Tensor inputs = tensor(embeddings.SelectMany(e => e).ToArray(), [examples.Count, dimension]);
        using Tensor exampleWeights = tensor(weights.Select(w => (float)w).ToArray());
        using Tensor classTargets = tensor(targets.Select(t => (long)t).ToArray());
        using Tensor values = tensor(metadata.Kind switch
        {
            ClassifierKind.Regression => examples.Select(e => (float)e.Value).ToArray(),
            _ => targets.Select(t => (float)t).ToArray(),
        });
        using var optimizer = optim.AdamW(model.parameters(), options.LearningRate, weight_decay: options.WeightDecay);
        using var generator = new Generator((ulong)options.Seed);
        model.train();
        for (int epoch = 0; epoch < options.Epochs; epoch++)
        {
            using Tensor order = randperm(examples.Count, generator: generator);
            for (int start = 0; start < examples.Count; start += options.BatchSize)
            {
                using IDisposable step = NewDisposeScope();
                Tensor batch = order.slice(0, start, Math.Min(examples.Count, start + options.BatchSize), 1);
                optimizer.zero_grad();
                Tensor loss = Loss(metadata.Kind, model.forward(inputs.index_select(0, batch)), classTargets.index_select(0, batch),
                    values.index_select(0, batch), exampleWeights.index_select(0, batch));
                loss.backward();
                optimizer.step();
            }
        }

        model.eval();
        return Export(metadata, model, options.Hidden);
    }

    private static Sequential BuildModel(int dimension, int hidden, int outputs, double dropout) => hidden == 0
        ? nn.Sequential(("output", nn.Linear(dimension, outputs)))
        : nn.Sequential(("hidden", nn.Linear(dimension, hidden)), ("relu", nn.ReLU()), ("dropout", nn.Dropout(dropout)), ("output", nn.Linear(hidden, outputs)));

    /// <summary>The weighted mean loss of a batch: log loss of the sigmoid or softmax, or squared error.</summary>
    private static Tensor Loss(ClassifierKind kind, Tensor logits, Tensor classes, Tensor values, Tensor weights)
    {
        Tensor perExample = kind switch
        {
            ClassifierKind.Binary => nn.functional.binary_cross_entropy_with_logits(logits.squeeze(1), values, reduction: nn.Reduction.None),
            ClassifierKind.Multiclass => nn.functional.cross_entropy(logits, classes, reduction: nn.Reduction.None),
            _ => (logits.squeeze(1) - values).square(),
        };
        return (perExample * weights).sum() / weights.sum();
    }

    private static EmbeddingHead Export(ClassifierMetadata metadata, Sequential model, int hidden)
    {
        float[] Values(string parameter) => (model.get_parameter(parameter) ?? throw new InvalidOperationException($"The head has no parameter '{parameter}'."))
            .detach().contiguous().data<float>().ToArray();
        return hidden == 0
            ? new EmbeddingHead(metadata, Values("output.weight"), Values("output.bias"))
            : new EmbeddingHead(metadata, Values("output.weight"), Values("output.bias"), Values("hidden.weight"), Values("hidden.bias"));
    }
}
