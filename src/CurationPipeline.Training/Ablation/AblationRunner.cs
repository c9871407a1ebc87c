using CurationPipeline.Mixing;
using CurationPipeline.Storage;
using CurationPipeline.Training.Ablation.Internal;
using CurationPipeline.Training.Data;
using CurationPipeline.Training.Loop;
using CurationPipeline.Training.Model;
using Microsoft.Extensions.Logging;
using Log = CurationPipeline.Training.Ablation.Internal.Log;

namespace CurationPipeline.Training.Ablation;

/// <summary>Runs a mix-ratio ablation: builds every mix of the tagged data, checks that they hold out the same validation set,
/// trains one model per mix and seed with the same preset, recipe and token budget, and writes the results table and the loss plot.</summary>
/// <remarks>
/// Output under <see cref="AblationOptions.OutputDirectory"/>: <c>mixes/NAME/</c> (the mixer's output), <c>runs/NAME/seed-SEED/</c>
/// (<c>metrics.jsonl</c> and checkpoints; cleared before the run), then <see cref="AblationReport.MarkdownFileName"/>,
/// <see cref="AblationReport.JsonFileName"/> and <see cref="AblationReport.PlotFileName"/>. Every mix is built and loaded before
/// any training, so a validation mismatch fails in seconds; the loaded token streams of all mixes are held in memory
/// (4 bytes per token) until their run. Runs are sequential; libtorch uses <see cref="TrainingOptions.Threads"/>.
/// </remarks>
public sealed class AblationRunner
{
    private readonly IStorage _storage;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly double _peakFlops;

    /// <summary>Creates the runner.</summary>
    /// <param name="storage">Where the tagged data and the output are (training writes run directories on the local disk).</param>
    /// <param name="loggerFactory">Loggers for the mixer, the trainer and the ablation.</param>
    /// <param name="peakFlops">The device's peak FLOP/s for MFU (<see cref="PeakFlops.MeasureMatmul"/>); 0 leaves MFU NaN.</param>
    /// <exception cref="ArgumentNullException">An argument is <c>null</c>.</exception>
    public AblationRunner(IStorage storage, ILoggerFactory loggerFactory, double peakFlops = 0)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _storage = storage;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<AblationRunner>();
        _peakFlops = peakFlops;
    }

    /// <summary>Runs the ablation.</summary>
    /// <param name="options">The ablation; validated here.</param>
    /// <param name="cancellationToken">Stops the ablation between mixes or training steps; no results are written then.</param>
    /// <returns>The result, also written as the table and the plot.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The options are invalid (including mixes whose validation settings differ).</exception>
    /// <exception cref="ValidationSetMismatchException">The built mixes hold out different validation tokens.</exception>
    /// <exception cref="MixConfigException">A column a mix names is missing from the annotated shards.</exception>
    /// <exception cref="InvalidDataException">A shard is damaged, a mix has no training tokens, or the shards were tokenized differently.</exception>
    /// <exception cref="OperationCanceledException">The ablation was cancelled.</exception>
    public async Task<AblationResult> RunAsync(AblationOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var mixer = new Mixer(_storage, _loggerFactory.CreateLogger<Mixer>());
        var built = new List<(AblationMix Mix, MixReport Report, TrainingData Data)>(options.Mixes.Count);
        ValidationSetFingerprint? reference = null;
        foreach (AblationMix mix in options.Mixes)
        {
            MixOptions mixOptions = mix.Options with { Name = mix.Name, TotalTokens = options.MixTokens ?? mix.Options.TotalTokens };
            string mixDirectory = _storage.Combine(options.OutputDirectory, "mixes", mix.Name);
            MixReport report = await mixer.RunAsync(options.TaggedDirectory, mixDirectory, mixOptions, cancellationToken).ConfigureAwait(false);
            TrainingData data = await TrainingData.LoadAsync(_storage, new TrainingDataOptions
            {
                TrainPattern = _storage.Combine(mixDirectory, "train"),
                ValidationPattern = _storage.Combine(mixDirectory, "validation"),
            }, cancellationToken).ConfigureAwait(false);
            ValidationSetFingerprint validation = ValidationSetFingerprint.Of(data);
            Log.Mixed(_logger, mix.Name, report.TrainTokens, validation);
            if (reference is null)
            {
                reference = validation;
            }
            else if (!reference.SameTokens(validation))
            {
                throw new ValidationSetMismatchException(options.Mixes[0].Name, reference, mix.Name, validation);
            }

            built.Add((mix, report, data));
        }

        IReadOnlyList<long> seeds = options.EffectiveSeeds;
        var runs = new List<AblationRun>(built.Count * seeds.Count);
        for (int i = 0; i < built.Count; i++)
        {
            var (mix, report, data) = built[i];
            built[i] = default;
            foreach (long seed in seeds)
            {
                TrainingOptions training = options.Training with { MaxSteps = options.Steps, Seed = seed };
                Log.Training(_logger, mix.Name, runs.Count + 1, built.Count * seeds.Count, options.Preset, training.MaxSteps, training.BatchTokens, seed);
                runs.Add(await TrainAsync(options, training, mix.Name, report, data, cancellationToken).ConfigureAwait(false));
            }
        }

        var result = new AblationResult(options.Preset, seeds, options.Steps, options.Training.BatchTokens, reference!, runs);
        await AblationReport.WriteAsync(_storage, options.OutputDirectory, result, cancellationToken).ConfigureAwait(false);
        return result;
    }

    private async Task<AblationRun> TrainAsync(AblationOptions options, TrainingOptions training, string name, MixReport report,
        TrainingData data, CancellationToken cancellationToken)
    {
        string runDirectory = _storage.Combine(options.OutputDirectory, "runs", name, $"seed-{training.Seed}");
        foreach (string file in _storage.List(runDirectory))
        {
            _storage.Delete(file);
        }

        GptOptions model = GptOptions.FromPreset(options.Preset, data.Metadata.VocabularySize);
        TrainingResult result;
        using (var trainer = new Trainer(model, training, data, runDirectory, resume: false, _peakFlops, _loggerFactory.CreateLogger<Trainer>()))
        {
            result = await trainer.RunAsync(training.MaxSteps, cancellationToken).ConfigureAwait(false);
        }

        var run = new AblationRun(name, training.Seed, report, result, data.UnigramLoss(), data.Counters, runDirectory);
        Log.Trained(_logger, name, training.Seed, run.FinalEvaluation.Loss, run.UnigramLoss, run.TokensPerParameter);
        return run;
    }
}
