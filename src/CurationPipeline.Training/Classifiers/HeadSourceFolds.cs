using CurationPipeline.Classifiers;
using CurationPipeline.Classifiers.Training;
using CurationPipeline.Embeddings;

namespace CurationPipeline.Training.Classifiers;

/// <summary>The TorchSharp head recipe as leave-one-source-out folds (<see cref="LeaveOneSourceOut.Score"/>), on precomputed embeddings.</summary>
public static class HeadSourceFolds
{
    /// <summary>
    /// Embeds every source's examples, then its <see cref="LabeledSource.TrainingExtras"/> (one cache entry for each, so a changed
    /// source re-embeds only itself and a source's extras do not invalidate its examples' entry).
    /// </summary>
    /// <param name="sources">The sources.</param>
    /// <param name="embeddings">The embedding cache.</param>
    /// <param name="cancellationToken">Cancels the embedding.</param>
    /// <returns>Per source, one embedding per example and then one per training extra (the order of <see cref="LeaveOneSourceOut.TrainingExamples"/>).</returns>
    public static async Task<IReadOnlyList<IReadOnlyList<float[]>>> EmbedAsync(IReadOnlyList<LabeledSource> sources, LabelEmbeddingCache embeddings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(embeddings);
        var vectors = new List<IReadOnlyList<float[]>>(sources.Count);
        foreach (LabeledSource source in sources)
        {
            IReadOnlyList<float[]> examples = await embeddings.EmbedAsync(source.Examples, cancellationToken).ConfigureAwait(false);
            vectors.Add(source.TrainingExtras.Count == 0
                ? examples
                : [.. examples, .. await embeddings.EmbedAsync(source.TrainingExtras, cancellationToken).ConfigureAwait(false)]);
        }

        return vectors;
    }

    /// <summary>
    /// Folds that train a head with <see cref="TorchHeadTrainer"/> on the examples of every training source but the left-out one
    /// (split and threshold as <see cref="ClassifierTraining.RunHead(IReadOnlyList{LabeledText}, IReadOnlyList{float[]}, ClassifierTrainingOptions, Func{IReadOnlyList{LabeledText}, IReadOnlyList{float[]}, EmbeddingHead})"/>)
    /// and score a source's embeddings.
    /// </summary>
    /// <param name="name">The classifier name.</param>
    /// <param name="sources">The sources.</param>
    /// <param name="embeddings">Per source, one embedding per example and training extra (<see cref="EmbedAsync"/>).</param>
    /// <param name="options">Split options (the threshold is always chosen on each fold's validation split).</param>
    /// <param name="torch">Head hyper-parameters.</param>
    /// <returns>The fold trainer.</returns>
    public static Func<int, SourceFold> Create(string name, IReadOnlyList<LabeledSource> sources, IReadOnlyList<IReadOnlyList<float[]>> embeddings,
        ClassifierTrainingOptions options, TorchHeadOptions torch) =>
        leftOut =>
        {
            ClassifierTrainingResult result = Train(name, sources, embeddings, leftOut, options with { Threshold = null }, torch);
            var head = (EmbeddingHead)result.Classifier;
            return new SourceFold(result.TrainCount, head.Threshold, head.NegativeLabel, i => [.. embeddings[i].Take(sources[i].Examples.Count).Select(v => head.Score(v))]);
        };

    /// <summary>Trains the head on every training source but <paramref name="leftOut"/> (−1: all of them), with their training extras.</summary>
    /// <param name="name">The classifier name.</param>
    /// <param name="sources">The sources.</param>
    /// <param name="embeddings">Per source, one embedding per example and training extra (<see cref="EmbedAsync"/>).</param>
    /// <param name="leftOut">The left-out source's index, or −1.</param>
    /// <param name="options">Split and threshold options.</param>
    /// <param name="torch">Head hyper-parameters.</param>
    /// <returns>The head and its split figures.</returns>
    /// <exception cref="ArgumentException">A source's embeddings do not match its examples and training extras.</exception>
    public static ClassifierTrainingResult Train(string name, IReadOnlyList<LabeledSource> sources, IReadOnlyList<IReadOnlyList<float[]>> embeddings, int leftOut,
        ClassifierTrainingOptions options, TorchHeadOptions torch)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(embeddings);
        if (embeddings.Count != sources.Count || sources.Where((s, i) => embeddings[i].Count != s.Examples.Count + s.TrainingExtras.Count).Any())
        {
            throw new ArgumentException("One embedding per example and training extra of every source is needed.", nameof(embeddings));
        }

        int[] kept = [.. Enumerable.Range(0, sources.Count).Where(i => i != leftOut && !sources[i].EvaluationOnly)];
        List<LabeledText> examples = LeaveOneSourceOut.TrainingExamples(sources, leftOut);
        List<float[]> vectors = [.. kept.SelectMany(i => embeddings[i])];
        return ClassifierTraining.RunHead(examples, vectors, options, (e, v) => TorchHeadTrainer.Train(name, e, v, DefaultEmbeddingModel.Name, torch));
    }
}
