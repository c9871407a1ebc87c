using System.CommandLine;
using System.Globalization;
using CurationPipeline.Storage;
using CurationPipeline.Training.Data;
using CurationPipeline.Training.Loop;
using CurationPipeline.Training.Model;
using Microsoft.Extensions.Logging;

namespace CurationPipeline.Cli.Commands;

/// <summary><c>curate train</c>: trains a GPT on tokenized shards (or, with <c>--benchmark</c>, times training steps on random tokens).</summary>
public static class TrainCommand
{
    private static readonly Option<string?> s_train = new("--train") { Description = "training shards: file, directory or glob" };
    private static readonly Option<string?> s_validation = new("--validation") { Description = "validation shards (default: hold out a fraction of --train)" };
    private static readonly Option<double> s_validationFraction = new("--validation-fraction") { Description = "documents held out when --validation is not given", DefaultValueFactory = _ => 0.02 };
    private static readonly Option<string> s_out = new("--out", "-o") { Description = "run directory: checkpoints, metrics.jsonl", DefaultValueFactory = _ => "runs/train" };
    private static readonly Option<string> s_preset = new("--preset") { Description = "model preset: " + string.Join(", ", GptOptions.PresetNames), DefaultValueFactory = _ => "tiny" };
    private static readonly Option<int> s_steps = new("--steps") { Description = "optimizer steps (schedule length)", DefaultValueFactory = _ => 1_000 };
    private static readonly Option<int> s_sequenceLength = new("--seq-len") { Description = "window length (default: the preset's context)" };
    private static readonly Option<int> s_microBatch = new("--micro-batch") { Description = "windows per forward/backward", DefaultValueFactory = _ => 8 };
    private static readonly Option<int> s_batchTokens = new("--batch-tokens") { Description = "tokens per optimizer step (default: one micro-batch)" };
    private static readonly Option<double> s_learningRate = new("--lr") { Description = "peak learning rate", DefaultValueFactory = _ => 6e-4 };
    private static readonly Option<int> s_warmup = new("--warmup") { Description = "warmup steps", DefaultValueFactory = _ => 100 };
    private static readonly Option<string> s_schedule = new("--schedule") { Description = "cosine or wsd", DefaultValueFactory = _ => "cosine" };
    private static readonly Option<long> s_seed = new("--seed") { Description = "model and data-order seed", DefaultValueFactory = _ => 1337 };
    private static readonly Option<int> s_checkpointEvery = new("--checkpoint-every") { Description = "steps between checkpoints", DefaultValueFactory = _ => 100 };
    private static readonly Option<int> s_keep = new("--keep") { Description = "checkpoints kept", DefaultValueFactory = _ => 3 };
    private static readonly Option<int> s_evalEvery = new("--eval-every") { Description = "steps between validations (0: end only)", DefaultValueFactory = _ => 100 };
    private static readonly Option<double> s_spikeZ = new("--spike-z") { Description = "z-score that triggers rollback (0: off)", DefaultValueFactory = _ => 6.0 };
    private static readonly Option<int> s_threads = new("--threads") { Description = "libtorch CPU threads (0: default)" };
    private static readonly Option<bool> s_resume = new("--resume") { Description = "continue from the newest checkpoint in --out" };
    private static readonly Option<bool> s_verbose = new("--verbose", "-v") { Description = "print the whole exception of a failure (TorchSharp's native-loader trace)" };
    private static readonly Option<bool> s_benchmark = new("--benchmark") { Description = "time training steps on random tokens (GPT-2 vocabulary) and report tokens/s and MFU" };

    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var command = new Command("train", "Train a GPT (TorchSharp) on tokenized Parquet shards")
        {
            s_train, s_validation, s_validationFraction, s_out, s_preset, s_steps, s_sequenceLength, s_microBatch, s_batchTokens,
            s_learningRate, s_warmup, s_schedule, s_seed, s_checkpointEvery, s_keep, s_evalEvery, s_spikeZ, s_threads, s_resume,
            s_benchmark, s_verbose,
        };
        command.Validators.Add(result =>
        {
            if (!result.GetValue(s_benchmark) && string.IsNullOrEmpty(result.GetValue(s_train)))
            {
                result.AddError("Option '--train' is required (unless --benchmark).");
            }
        });
        s_schedule.AcceptOnlyFromAmong("cosine", "wsd");
        command.SetAction(RunAsync);
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        using ILoggerFactory loggers = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true));
        try
        {
            return parse.GetValue(s_benchmark)
                ? await BenchmarkAsync(parse, cancellationToken).ConfigureAwait(false)
                : await TrainAsync(parse, loggers.CreateLogger<Trainer>(), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or ArgumentException or InvalidDataException)
        {
            await Console.Error.WriteLineAsync("curate train: " + e.Message).ConfigureAwait(false);
            return ExitCodes.InvalidConfiguration;
        }
        catch (TypeInitializationException e) when (e.TypeName == "TorchSharp.torch")
        {
            // TorchSharp's own message blames a missing package and carries its whole loader trace; on Debian 12 the cause is the unpatched native library.
            await Console.Error.WriteLineAsync(TorchLoadFailure.Describe(e, parse.GetValue(s_verbose))).ConfigureAwait(false);
            return ExitCodes.RunFailed;
        }
    }

    private static async Task<int> TrainAsync(ParseResult parse, ILogger<Trainer> logger, CancellationToken cancellationToken)
    {
        var dataOptions = new TrainingDataOptions
        {
            TrainPattern = parse.GetValue(s_train)!,
            ValidationPattern = parse.GetValue(s_validation),
            ValidationFraction = parse.GetValue(s_validationFraction),
        };
        TrainingData data = await TrainingData.LoadAsync(new RoutingStorage(), dataOptions, cancellationToken).ConfigureAwait(false);
        foreach (var (key, count) in data.Counters)
        {
            Console.WriteLine($"data: {key} = {count}");
        }

        GptOptions model = GptOptions.FromPreset(parse.GetValue(s_preset)!, data.Metadata.VocabularySize);
        TrainingOptions options = Options(parse, model);
        double peak = PeakFlops.MeasureMatmul();
        using var trainer = new Trainer(model, options, data, parse.GetValue(s_out)!, parse.GetValue(s_resume), peak, logger);
        TrainingResult result = await trainer.RunAsync(options.MaxSteps, cancellationToken).ConfigureAwait(false);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"trained to step {result.FinalStep}: {result.TokensSeen} tokens, {result.ParameterCount} parameters " +
            $"({(double)result.TokensSeen / result.ParameterCount:F2} tokens/parameter), {result.TokensPerSecond:F0} tok/s, MFU {result.Mfu:P1}, " +
            $"rollbacks {result.Rollbacks}, skipped updates {result.SkippedUpdates}, unigram baseline {data.UnigramLoss():F4}"));
        if (result.Evaluations.Count > 0)
        {
            EvaluationResult last = result.Evaluations[^1];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"validation loss {last.Loss:F4}"));
            foreach (var (domain, loss) in last.DomainLoss)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {domain}: {loss:F4}"));
            }
        }

        return ExitCodes.Success;
    }

    private static async Task<int> BenchmarkAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        GptOptions model = GptOptions.FromPreset(parse.GetValue(s_preset)!, 50_257);
        TrainingOptions options = Options(parse, model);
        var (result, peak) = await TrainingBenchmark.RunAsync(model, options, warmupSteps: 2, steps: parse.GetValue(s_steps), cancellationToken)
            .ConfigureAwait(false);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"benchmark {parse.GetValue(s_preset)}: d={model.EmbeddingSize} L={model.Layers} T={options.SequenceLength} B={options.MicroBatchSize} " +
            $"params={result.ParameterCount} | {result.TokensPerSecond:F0} tok/s | peak fp32 matmul {peak / 1e9:F1} GFLOP/s | MFU {result.Mfu:P1}"));
        return ExitCodes.Success;
    }

    private static TrainingOptions Options(ParseResult parse, GptOptions model)
    {
        int sequenceLength = parse.GetValue(s_sequenceLength) is > 0 and var t ? t : model.ContextLength;
        int microBatch = parse.GetValue(s_microBatch);
        return new TrainingOptions
        {
            SequenceLength = sequenceLength,
            MicroBatchSize = microBatch,
            BatchTokens = parse.GetValue(s_batchTokens) is > 0 and var b ? b : microBatch * sequenceLength,
            MaxSteps = parse.GetValue(s_steps),
            LearningRate = parse.GetValue(s_learningRate),
            WarmupSteps = parse.GetValue(s_warmup),
            Schedule = parse.GetValue(s_schedule) == "wsd" ? LearningRateSchedule.WarmupStableDecay : LearningRateSchedule.Cosine,
            Seed = parse.GetValue(s_seed),
            CheckpointEvery = parse.GetValue(s_checkpointEvery),
            KeepCheckpoints = parse.GetValue(s_keep),
            EvaluateEvery = parse.GetValue(s_evalEvery),
            SpikeZThreshold = parse.GetValue(s_spikeZ),
            Threads = parse.GetValue(s_threads),
        };
    }
}
