using System.Globalization;
using System.Text;
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
        string input = $"embeddings: {DefaultEmbeddingModel.Name} {embeddings.Precision.ToString().ToLowerInvariant()} on the CPU{(embeddings.Precision == new EmbeddingOptions().Precision ? " (the pipeline's default)" : "")}, first {new EmbeddingOptions().MaxTokens} tokens";
        if (job.Torch is { } torch && job.Sources.Count(s => !s.EvaluationOnly) >= 2)
        {
            return await TrainHeadAcrossSourcesAsync(job, torch, embeddings, input, cancellationToken).ConfigureAwait(false);
        }

        IReadOnlyList<float[]> vectors = await embeddings.EmbedAsync(job.Examples, cancellationToken).ConfigureAwait(false);
        if (job.Torch is { } t)
        {
            return Write(job, o => ClassifierTraining.RunHead(job.Examples, vectors, o, (examples, v) => TorchHeadTrainer.Train(job.Name, examples, v, DefaultEmbeddingModel.Name, t)),
                Describe(t, input), []);
        }

        EmbeddingHeadOptions h = job.Head;
        return Write(job, o => ClassifierTraining.RunHead(job.Name, job.Examples, vectors, DefaultEmbeddingModel.Name, o, h), $"{h.Epochs} AdaGrad epochs, lr {h.LearningRate}, L2 {h.L2}, seed {h.Seed}; {input}", []);
    }

    /// <summary>
    /// The head of a job with sources: each source sampled (<see cref="ClassifierJob.MaxHeadExamplesPerSource"/>) and embedded, a
    /// leave-one-source-out table for the card (with <see cref="ClassifierTrainingOptions.ThresholdFromOtherSources"/> the head ships the
    /// out-of-source threshold), the head trained on every training source's sample; with <see cref="ClassifierJob.Ensemble"/> also the
    /// ensemble's table and <c>NAME.ensemble</c>, which needs the job's n-gram model written to the output folder first.
    /// </summary>
    private static async Task<ClassifierJobOutcome> TrainHeadAcrossSourcesAsync(ClassifierJob job, TorchHeadOptions torch, LabelEmbeddingCache embeddings, string input,
        CancellationToken cancellationToken)
    {
        int cap = job.MaxHeadExamplesPerSource ?? int.MaxValue;
        IReadOnlyList<LabeledSource> sources = [.. job.Sources.Select(s => s.Sample(cap, SampleSeed))];
        IReadOnlyList<IReadOnlyList<float[]>> vectors = await HeadSourceFolds.EmbedAsync(sources, embeddings, cancellationToken).ConfigureAwait(false);
        ClassifierTrainingOptions options = job.Options;
        OutOfSourceScores heads = LeaveOneSourceOut.Score(sources, HeadSourceFolds.Create(job.Name, sources, vectors, options, torch));
        LeaveOneSourceOutResult loso = LeaveOneSourceOut.Evaluate(sources, heads, options);
        ClassifierTrainingOptions shipped = options.ThresholdFromOtherSources ? options with { Threshold = loso.OutOfSourceThreshold } : options;
        string sampled = job.MaxHeadExamplesPerSource is { } m
            ? string.Create(CultureInfo.InvariantCulture, $"; at most {m:N0} examples of each source embedded (stratified by label, seed {SampleSeed}), so the tables below test on those samples")
            : "";
        LeaveOneSourceOutResult? ensemble = null, ngram = null;
        if (job.Ensemble)
        {
            OutOfSourceScores ngrams = LeaveOneSourceOut.Score(sources, LeaveOneSourceOut.NgramFolds(job.Name, job.Sources, sources, options));
            ngram = LeaveOneSourceOut.Evaluate(sources, ngrams, options);
            ensemble = LeaveOneSourceOut.Evaluate(sources, OutOfSourceScores.Mean(ngrams, heads), options);
        }

        ClassifierJobOutcome outcome = Write(job with { Examples = LeaveOneSourceOut.TrainingExamples(sources, -1), Options = shipped },
            o => HeadSourceFolds.Train(job.Name, sources, vectors, -1, o, torch), Describe(torch, input) + sampled, loso.Rows,
            ensemble is null ? "" : EnsembleSection(job, loso, ngram!, ensemble));
        if (ensemble is not null)
        {
            var head = (EmbeddingHead)outcome.Result.Classifier;
            string ngramFile = job.Name + NgramClassifier.Extension;
            var shippedNgram = (NgramClassifier)ClassifierLoader.Load(Path.Combine(job.Output, ngramFile));
            double threshold = options.ThresholdFromOtherSources ? ensemble.OutOfSourceThreshold : ClassifierEnsemble.Mean(shippedNgram.Threshold, head.Threshold);
            new ClassifierEnsemble(job.Name, shippedNgram, head, threshold).Save(Path.Combine(job.Output, job.Name + ClassifierEnsemble.Extension), ngramFile, Path.GetFileName(outcome.ModelPath));
        }

        return outcome;
    }

    /// <summary>Seed of the per-source samples a head is trained and tested on.</summary>
    private const int SampleSeed = 11;

    private static string Describe(TorchHeadOptions t, string input) =>
        $"TorchSharp AdamW, {(t.Hidden > 0 ? $"{t.Hidden} ReLU hidden units, dropout {t.Dropout}, " : "linear, ")}{t.Epochs} epochs of batches of {t.BatchSize}, lr {t.LearningRate}, weight decay {t.WeightDecay}, seed {t.Seed}; {input}";

    /// <summary>The card section of the ensemble: its leave-one-source-out table, and the n-gram model's on the same samples.</summary>
    private static string EnsembleSection(ClassifierJob job, LeaveOneSourceOutResult head, LeaveOneSourceOutResult ngram, LeaveOneSourceOutResult ensemble)
    {
        CultureInfo c = CultureInfo.InvariantCulture;
        static string Figures(LeaveOneSourceOutResult r)
        {
            SourceHoldout[] mixed = [.. r.Rows.Where(h => h.Metrics.Positives > 0 && h.Metrics.Positives < h.Metrics.Count)];
            return mixed.Length == 0
                ? string.Create(CultureInfo.InvariantCulture, $"largest false-positive rate {r.Rows.Where(h => h.Metrics.Positives == 0).Max(h => h.Metrics.FalsePositiveRate):F3}, lowest recall {r.Rows.Where(h => h.Metrics.Positives > 0).Min(h => h.Metrics.Recall):F3}")
                : string.Create(CultureInfo.InvariantCulture, $"mean F1 {mixed.Average(h => h.Metrics.F1):F3}, worst {mixed.Min(h => h.Metrics.F1):F3}, mean AUC {mixed.Average(h => h.RankAuc ?? 0):F3} over the {mixed.Length} sources with both classes");
        }

        var section = new StringBuilder();
        section.AppendLine(c, $"## Ensemble with the n-gram model (`{job.Name}{ClassifierEnsemble.Extension}`)");
        section.AppendLine();
        section.AppendLine($"`{job.Name}{ClassifierEnsemble.Extension}` scores a document as the mean of `{job.Name}{NgramClassifier.Extension}`'s score of its text and this head's score of its " +
            "embedding, at its own threshold (" + (job.Options.ThresholdFromOtherSources ? "the best worst-source F1 on its out-of-source predictions" : "the mean of the two models' thresholds") +
            "). Leave one source out on the same samples as above: each fold's n-gram model is trained on the other sources in full (as in its own card), its head on their samples, " +
            $"and the mean of the two scores the left-out sample. Ensemble: {Figures(ensemble)}; n-gram model alone: {Figures(ngram)}; head alone: {Figures(head)}.");
        section.AppendLine();
        section.Append(ClassifierModelCard.HoldoutTable(ensemble.Rows));
        section.AppendLine();
        section.AppendLine("The n-gram model alone on the same samples:");
        section.AppendLine();
        section.Append(ClassifierModelCard.HoldoutTable(ngram.Rows));
        section.AppendLine();
        if (ensemble.Rows.Any(h => h.Ceiling is not null))
        {
            section.AppendLine(ClassifierModelCard.CeilingIntroduction);
            section.AppendLine();
            section.Append(ClassifierModelCard.CeilingTable([("n-gram", ngram.Rows), ("head", head.Rows), ("ensemble", ensemble.Rows)]));
            section.AppendLine();
        }

        return section.ToString();
    }

    /// <summary>Trains on the job's split (and, with more than one split, on the others for the spread), then writes the model and its card (with an extra section before its limits).</summary>
    private static ClassifierJobOutcome Write(ClassifierJob job, Func<ClassifierTrainingOptions, ClassifierTrainingResult> train, string hyperParameters, IReadOnlyList<SourceHoldout> holdouts,
        string extraSection = "")
    {
        ClassifierTrainingResult result = train(job.Options);
        SplitSpread? spread = job.Splits > 1 ? SplitSpread.Measure(job.Options, job.Splits, result, train) : null;
        ITrainedClassifier model = result.Classifier;
        string modelPath = Path.Combine(job.Output, job.Name + model.FileExtension);
        model.Save(modelPath);
        long bytes = new FileInfo(modelPath).Length;
        string cardPath = Path.Combine(job.Output, job.Name + (model.FileExtension == NgramClassifier.Extension ? "" : "-head") + ".md");
        string card = ClassifierModelCard.Format(result, job.Options, hyperParameters, job.Data, job.Command, job.Limits,
            job.Date, Path.GetFileName(modelPath), bytes, spread, holdouts, extraSection);
        File.WriteAllText(cardPath, card);
        return new ClassifierJobOutcome(result, spread, modelPath, bytes, cardPath, holdouts);
    }
}
