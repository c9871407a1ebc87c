using CurationPipeline.Storage;
using CurationPipeline.Training.Data;
using CurationPipeline.Training.Loop.Internal;
using CurationPipeline.Training.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace CurationPipeline.Training.Loop;

/// <summary>Trains a <see cref="Gpt"/> on <see cref="TrainingData"/>: gradient accumulation to a token batch, AdamW with
/// weight decay on matrices only, warmup + cosine/WSD schedule, clipping, checkpoints with exact data position, rolling
/// z-score spike detection with rollback, per-domain validation, tokens/s and MFU.</summary>
/// <remarks>
/// Determinism: the model is initialised after <c>torch.manual_seed(seed)</c>, the window order is a pure function of the
/// seed and the data position, and dropout is not used, so a run resumed from a checkpoint computes the same losses as one
/// that never stopped (on the same device and thread count). Uses CUDA when libtorch finds it, the CPU otherwise.
/// Not thread-safe; dispose to free the model and optimizer tensors.
/// </remarks>
public sealed class Trainer : IDisposable
{
    private readonly TrainingOptions _options;
    private readonly TrainingData _data;
    private readonly ILogger _logger;
    private readonly double _peakFlops;
    private readonly Device _device;
    private readonly TorchSharp.Modules.AdamW _optimizer;
    private readonly WindowSampler _sampler;
    private readonly SpikeDetector _detector;

    /// <summary>Finite spikes in a row after which the new level is accepted as the norm.</summary>
    private const int MaxConsecutiveSpikes = 3;
    private readonly CheckpointStore _checkpoints;
    private readonly MetricsLog _metrics;
    private long _step;
    private long _tokensSeen;
    private long _checkpointPosition;

    /// <summary>Builds the model and optimizer; with <paramref name="resume"/>, restores the newest checkpoint of
    /// <paramref name="runDirectory"/> when there is one.</summary>
    /// <param name="model">The model shape; its vocabulary must cover the data's.</param>
    /// <param name="options">The run's numbers; validated here.</param>
    /// <param name="data">The token streams.</param>
    /// <param name="runDirectory">Where checkpoints and <c>metrics.jsonl</c> go (created if missing).</param>
    /// <param name="resume">Continue from the newest checkpoint in <paramref name="runDirectory"/>.</param>
    /// <param name="peakFlops">The device's peak FLOP/s for MFU (see <see cref="PeakFlops.MeasureMatmul"/>); 0 leaves MFU NaN.</param>
    /// <param name="logger">Step, spike, checkpoint and evaluation lines.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range, or the model is shorter than the sequence length
    /// or smaller than the vocabulary.</exception>
    /// <exception cref="InvalidDataException">The training stream is shorter than one window, or a checkpoint is corrupt.</exception>
    public Trainer(GptOptions model, TrainingOptions options, TrainingData data, string runDirectory, bool resume = false,
        double peakFlops = 0, ILogger<Trainer>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(data);
        options.Validate();
        ArgumentOutOfRangeException.ThrowIfLessThan(model.ContextLength, options.SequenceLength, nameof(model));
        ArgumentOutOfRangeException.ThrowIfLessThan(model.VocabularySize, data.Metadata.VocabularySize, nameof(model));
        _options = options;
        _data = data;
        _logger = logger ?? NullLogger<Trainer>.Instance;
        _peakFlops = peakFlops;
        if (options.Threads > 0)
        {
            torch.set_num_threads(options.Threads);
        }

        _device = cuda.is_available() ? CUDA : CPU;
        torch.manual_seed(options.Seed);
        Model = new Gpt(model);
        Model.to(_device);
        Model.train();
        var decay = new List<Parameter>();
        var noDecay = new List<Parameter>();
        foreach (Parameter parameter in Model.parameters())
        {
            (parameter.dim() >= 2 ? decay : noDecay).Add(parameter);
        }

        _optimizer = optim.AdamW(
            [
                new TorchSharp.Modules.AdamW.ParamGroup { Parameters = decay, Options = new() { weight_decay = options.WeightDecay } },
                new TorchSharp.Modules.AdamW.ParamGroup { Parameters = noDecay, Options = new() { weight_decay = 0.0 } },
            ],
            lr: options.LearningRate, beta1: options.Beta1, beta2: options.Beta2, eps: 1e-8);
        _sampler = new WindowSampler(data.TrainTokens, options.SequenceLength, options.Seed);
        _detector = new SpikeDetector(options.SpikeWindow);
        Directory.CreateDirectory(runDirectory);
        _checkpoints = new CheckpointStore(LocalStorage.Instance, runDirectory, options.KeepCheckpoints);
        _metrics = new MetricsLog(Path.Combine(runDirectory, "metrics.jsonl"));
        if (resume && _checkpoints.Latest is { } latest)
        {
            Restore(latest, keepDataPosition: false);
            Log.Resumed(_logger, latest, _step, _sampler.Position);
        }
    }

    /// <summary>The model being trained.</summary>
    public Gpt Model { get; }

    /// <summary>The optimizer steps taken so far.</summary>
    public long Step => _step;

    /// <summary>Scales the training loss of a step (1-based) before backward: a fault injector for spike tests.</summary>
    internal Func<long, double>? LossScale { get; init; }

    /// <summary>Trains until step <paramref name="stopAfterStep"/> (capped at <see cref="TrainingOptions.MaxSteps"/>), then writes a
    /// checkpoint and evaluates.</summary>
    /// <param name="stopAfterStep">The step to stop after; the schedule still runs to <see cref="TrainingOptions.MaxSteps"/>.</param>
    /// <param name="cancellationToken">Checked between steps; on cancellation a checkpoint is written first.</param>
    /// <exception cref="OperationCanceledException">Cancelled (after the checkpoint).</exception>
    public async Task<TrainingResult> RunAsync(long stopAfterStep, CancellationToken cancellationToken)
    {
        long stop = Math.Min(stopAfterStep, _options.MaxSteps);
        var steps = new List<StepMetrics>();
        var evaluations = new List<EvaluationResult>();
        int rollbacks = 0, skipped = 0, consecutiveSpikes = 0;
        double trainSeconds = 0, trainTokens = 0;
        double flopsPerToken = Model.TrainingFlopsPerToken(_options.SequenceLength);
        while (_step < stop)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                await CheckpointAsync(CancellationToken.None).ConfigureAwait(false);
                cancellationToken.ThrowIfCancellationRequested();
            }

            long started = System.Diagnostics.Stopwatch.GetTimestamp();
            int batchTokens = _options.BatchTokensAt(_tokensSeen);
            double learningRate = _options.LearningRateAt(_step);
            (double loss, double norm) = ForwardBackward(batchTokens);
            var (lossZ, normZ) = _detector.Score(loss, norm, _options.SpikeMinHistory);
            bool finite = double.IsFinite(loss) && double.IsFinite(norm);
            bool spike = !finite || (_options.SpikeZThreshold > 0 && (lossZ > _options.SpikeZThreshold || normZ > _options.SpikeZThreshold));

            // A finite "spike" that persists over several different batches is a change of regime (early training moves
            // fast), not a bad batch: accept it, or the history, which only records accepted steps, never catches up.
            if (spike && finite && consecutiveSpikes >= MaxConsecutiveSpikes)
            {
                Log.RegimeChange(_logger, _step + 1, consecutiveSpikes, loss, norm);
                spike = false;
            }

            consecutiveSpikes = spike ? consecutiveSpikes + 1 : 0;
            if (spike)
            {
                _optimizer.zero_grad();
                if (_checkpoints.Latest is { } latest)
                {
                    long position = _sampler.Position;
                    long failedStep = _step + 1;
                    Restore(latest, keepDataPosition: true);
                    Log.Rollback(_logger, failedStep, loss, lossZ, norm, normZ, _step, latest, position - _checkpointPosition);
                    rollbacks++;
                }
                else
                {
                    Log.SkippedUpdate(_logger, _step + 1, loss, lossZ, norm, normZ);
                    skipped++;
                }

                continue;
            }

            foreach (var group in _optimizer.ParamGroups)
            {
                group.LearningRate = learningRate;
            }

            _optimizer.step();
            _detector.Add(loss, norm);
            _step++;
            _tokensSeen += batchTokens;
            double seconds = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds;
            trainSeconds += seconds;
            trainTokens += batchTokens;
            double tokensPerSecond = batchTokens / seconds;
            double mfu = _peakFlops > 0 ? tokensPerSecond * flopsPerToken / _peakFlops : double.NaN;
            var metrics = new StepMetrics(_step, loss, norm, learningRate, lossZ, normZ, batchTokens, _tokensSeen, tokensPerSecond, mfu);
            steps.Add(metrics);
            _metrics.Write(metrics);
            Log.Step(_logger, _step, loss, lossZ, norm, normZ, learningRate, tokensPerSecond, mfu);
            bool last = _step == stop;
            if (last || _step % _options.CheckpointEvery == 0)
            {
                await CheckpointAsync(cancellationToken).ConfigureAwait(false);
            }

            if (last || (_options.EvaluateEvery > 0 && _step % _options.EvaluateEvery == 0))
            {
                EvaluationResult evaluation = Evaluator.Evaluate(_step, Model, _data, _options, _device);
                evaluations.Add(evaluation);
                _metrics.Write(evaluation);
                Log.Evaluation(_logger, _step, evaluation.Loss, string.Join(", ", evaluation.DomainLoss.Select(p => $"{p.Key}={p.Value:F4}")));
            }
        }

        double meanTokensPerSecond = trainSeconds > 0 ? trainTokens / trainSeconds : double.NaN;
        return new TrainingResult(steps, evaluations, rollbacks, skipped, _step, _tokensSeen, Model.ParameterCount, meanTokensPerSecond,
            _peakFlops > 0 ? meanTokensPerSecond * flopsPerToken / _peakFlops : double.NaN);
    }

    /// <summary>Frees the model and optimizer.</summary>
    public void Dispose()
    {
        _optimizer.Dispose();
        Model.Dispose();
    }

    private (double Loss, double Norm) ForwardBackward(int batchTokens)
    {
        int microSteps = batchTokens / (_options.MicroBatchSize * _options.SequenceLength);
        int width = _options.SequenceLength + 1;
        var buffer = new long[_options.MicroBatchSize * width];
        double scale = LossScale?.Invoke(_step + 1) ?? 1.0;
        double lossSum = 0;
        _optimizer.zero_grad();
        for (int micro = 0; micro < microSteps; micro++)
        {
            using var scope = NewDisposeScope();
            _sampler.Next(_options.MicroBatchSize, buffer);
            Tensor batch = tensor(buffer, [_options.MicroBatchSize, width]).to(_device);
            Tensor loss = Model.Loss(batch) * scale;
            (loss / microSteps).backward();
            lossSum += loss.item<float>();
        }

        double norm = nn.utils.clip_grad_norm_(Model.parameters(), _options.GradientClip);
        return (lossSum / microSteps, norm);
    }

    private async Task CheckpointAsync(CancellationToken cancellationToken)
    {
        var history = new double[_detector.History.Count][];
        int i = 0;
        foreach (var (loss, norm) in _detector.History)
        {
            history[i++] = [loss, norm];
        }

        var state = new CheckpointState
        {
            Step = _step,
            TokensSeen = _tokensSeen,
            DataPosition = _sampler.Position,
            RngState = Convert.ToBase64String(torch.get_rng_state().data<byte>().ToArray()),
            SpikeHistory = history,
        };
        string path = await _checkpoints.SaveAsync(state, Model, _optimizer, cancellationToken).ConfigureAwait(false);
        _checkpointPosition = state.DataPosition;
        Log.Checkpoint(_logger, path, _step);
    }

    private void Restore(string path, bool keepDataPosition)
    {
        CheckpointState state = _checkpoints.Load(path, Model, _optimizer);
        _step = state.Step;
        _tokensSeen = state.TokensSeen;
        _checkpointPosition = state.DataPosition;
        if (!keepDataPosition)
        {
            _sampler.Position = state.DataPosition;
        }

        torch.set_rng_state(tensor(Convert.FromBase64String(state.RngState)));
        var history = new List<(double, double)>(state.SpikeHistory.Length);
        foreach (double[] entry in state.SpikeHistory)
        {
            history.Add((entry[0], entry[1]));
        }

        _detector.Reset(history);
    }
}
