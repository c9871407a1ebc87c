using System.Collections.Immutable;
using CurationPipeline.Classifiers.Internal;

namespace CurationPipeline.Classifiers.Training.Internal;

/// <summary>What both trainers share: the model kind and labels a data set implies, class weights, and the output gradient.</summary>
internal static class TrainingTargets
{
    private static readonly string[] s_negativeNames = ["0", "false", "neither", "negative", "no"];

    /// <summary>Derivative of the loss with respect to each output (p − y for all three kinds).</summary>
    public static void OutputGradient(ClassifierKind kind, double[] logits, int target, double value, double[] gradient)
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

    /// <summary>The metadata of an embedding head over <paramref name="embeddings"/>, after checking there is one of a common length per example.</summary>
    public static ClassifierMetadata DescribeHead(string name, IReadOnlyList<LabeledText> examples, IReadOnlyList<float[]> embeddings, string embeddingModel, string? negativeLabel)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(embeddingModel);
        if (embeddings.Count != examples.Count || embeddings.Count == 0 || embeddings.Any(e => e.Length != embeddings[0].Length))
        {
            throw new ArgumentException("One embedding of a common length is needed per example.", nameof(embeddings));
        }

        return Describe(name, examples, negativeLabel) with { Dimension = embeddings[0].Length, EmbeddingModel = embeddingModel };
    }

    public static ClassifierMetadata Describe(string name, IReadOnlyList<LabeledText> examples, string? negativeLabel)
    {
        if (examples.Count == 0)
        {
            throw new ArgumentException("No training examples.", nameof(examples));
        }

        int scored = examples.Count(e => e.Label is null);
        if (scored == examples.Count)
        {
            return new ClassifierMetadata { Name = name, Kind = ClassifierKind.Regression, Labels = [], Threshold = 0 };
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

        string negative = negativeLabel ?? DefaultNegative(labels);
        if (!labels.Contains(negative, StringComparer.Ordinal))
        {
            throw new ArgumentException($"Negative label '{negative}' is not among the labels ({string.Join(", ", labels)}).", nameof(negativeLabel));
        }

        ImmutableArray<string> ordered = labels.Length == 2 ? [negative, labels[0] == negative ? labels[1] : labels[0]] : [.. labels];
        return new ClassifierMetadata
        {
            Name = name,
            Kind = labels.Length == 2 ? ClassifierKind.Binary : ClassifierKind.Multiclass,
            Labels = ordered,
            NegativeLabel = negative,
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

    public static int[] TargetIndexes(ClassifierMetadata metadata, IReadOnlyList<LabeledText> examples)
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

    public static double[] ExampleWeights(ClassifierMetadata metadata, int[] targets, bool balance)
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
