using CurationPipeline.Classifiers;
using CurationPipeline.Classifiers.Training;
using CurationPipeline.Embeddings;

namespace CurationPipeline.Training.Classifiers;

/// <summary>Trains a <see cref="ClassifierJob"/> (an n-gram model from text, or a head on the default embedding) and writes the model and its card.</summary>
public static class ClassifierJobRunner
{
    /// <summary>
    /// Trains the n-gram model of <paramref name="job"/> and writes <c>NAME.ngram</c> and <c>NAME.md</c>; with two or more training
    /// <see cref="ClassifierJob.Sources"/> the card also gets the <see cref="LeaveOneSourceOut"/> table, and with
    /// <see cref="ClassifierTrainingOptions.ThresholdFromOtherSources"/> the model ships the threshold chosen on its out-of-source predictions.
    /// </summary>
    /// <exception cref="ArgumentException">The examples or options cannot train a model (e.g. one label only).</exception>
    public static ClassifierJobOutcome TrainNgram(ClassifierJob job)
    {
        NgramTrainingOptions n = job.Options.Ngram;
        LeaveOneSourceOutResult? loso = job.Sources.Count(s => !s.EvaluationOnly) >= 2 ? LeaveOneSourceOut.Evaluate(job.Name, job.Sources, job.Options) : null;
        if (loso is not null && job.Options.ThresholdFromOtherSources)
        {
            job = job with { Options = job.Options with { Threshold = loso.OutOfSourceThreshold } };
        }

        return Write(job, o => ClassifierTraining.Run(job.Name, job.Examples, o), $"{n.Epochs} AdaGrad epochs, lr {n.LearningRate}, L2 {n.L2}, seed {n.Seed}", loso?.Rows ?? []);
    }

    /// <summary>
    /// Embeds the examples with the default model on the CPU (cached in <paramref name="embeddings"/>), trains the head of
    /// <paramref name="job"/> (TorchSharp when <see cref="ClassifierJob.Torch"/> is set) and writes <c>NAME.head</c> and <c>NAME-head.md</c>.
    /// </summary>
    /// <exception cref="ArgumentException">The examples or options cannot train a model.</exception>
    public static async Task<ClassifierJobOutcome> TrainHeadAsync(ClassifierJob job, LabelEmbeddingCache embeddings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(embeddings);
        IReadOnlyList<float[]> vectors = await embeddings.EmbedAsync(job.Examples, cancellationToken).ConfigureAwait(false);
        string input = $"embeddings: {DefaultEmbeddingModel.Name} {embeddings.Precision.ToString().ToLowerInvariant()} on the CPU{(embeddings.Precision == new EmbeddingOptions().Precision ? " (the pipeline's default)" : "")}, first {new EmbeddingOptions().MaxTokens} tokens";
        if (job.Torch is { } t)
        {
            return Write(job, o => ClassifierTraining.RunHead(job.Examples, vectors, o, (examples, v) => TorchHeadTrainer.Train(job.Name, examples, v, DefaultEmbeddingModel.Name, t)),
                $"TorchSharp AdamW, {(t.Hidden > 0 ? $"{t.Hidden} ReLU hidden units, dropout {t.Dropout}, " : "linear, ")}{t.Epochs} epochs of batches of {t.BatchSize}, lr {t.LearningRate}, weight decay {t.WeightDecay}, seed {t.Seed}; {input}", []);
        }

        EmbeddingHeadOptions h = job.Head;
        return Write(job, o => ClassifierTraining.RunHead(job.Name, job.Examples, vectors, DefaultEmbeddingModel.Name, o, h), $"{h.Epochs} AdaGrad epochs, lr {h.LearningRate}, L2 {h.L2}, seed {h.Seed}; {input}", []);
    }

    /// <summary>Trains on the job's split (and, with more than one split, on the others for the spread), then writes the model and its card.</summary>
    private static ClassifierJobOutcome Write(ClassifierJob job, Func<ClassifierTrainingOptions, ClassifierTrainingResult> train, string hyperParameters, IReadOnlyList<SourceHoldout> holdouts)
    {
        ClassifierTrainingResult result = train(job.Options);
        SplitSpread? spread = job.Splits > 1 ? SplitSpread.Measure(job.Options, job.Splits, result, train) : null;
        ITrainedClassifier model = result.Classifier;
        string modelPath = Path.Combine(job.Output, job.Name + model.FileExtension);
        model.Save(modelPath);
        long bytes = new FileInfo(modelPath).Length;
        string cardPath = Path.Combine(job.Output, job.Name + (model.FileExtension == NgramClassifier.Extension ? "" : "-head") + ".md");
        string card = ClassifierModelCard.Format(result, job.Options, hyperParameters, job.Data, job.Command, job.Limits,
            job.Date, Path.GetFileName(modelPath), bytes, spread, holdouts);
        File.WriteAllText(cardPath, card);
        return new ClassifierJobOutcome(result, spread, modelPath, bytes, cardPath, holdouts);
    }
}
