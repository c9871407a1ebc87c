using CurationPipeline.Training.Data;
using CurationPipeline.Training.Loop;
using CurationPipeline.Training.Model;

namespace CurationPipeline.Training.Tests.Loop;

public sealed class TrainerTests
{
    private static readonly TrainingOptions s_options = new()
    {
        SequenceLength = 32,
        MicroBatchSize = 4,
        BatchTokens = 256,
        MaxSteps = 8,
        WarmupSteps = 2,
        LearningRate = 3e-3,
        CheckpointEvery = 4,
        KeepCheckpoints = 2,
        EvaluateEvery = 0,
        EvaluationWindows = 4,
        SpikeMinHistory = 4,
        Threads = 1,
    };

    private static GptOptions Tiny => GptOptions.FromPreset("tiny", SyntheticCorpus.VocabularySize);

    [Fact]
    public async Task RunAsync_StopAndResume_MatchesUninterruptedLossesExactly()
    {
        TrainingData data = SyntheticCorpus.Create();
        CancellationToken ct = TestContext.Current.CancellationToken;
        TrainingResult straight;
        using (var trainer = new Trainer(Tiny, s_options, data, NewRunDirectory()))
        {
            straight = await trainer.RunAsync(8, ct);
        }

        string interruptedDirectory = NewRunDirectory();
        TrainingResult first, second;
        using (var trainer = new Trainer(Tiny, s_options, data, interruptedDirectory))
        {
            first = await trainer.RunAsync(5, ct);
        }

        using (var trainer = new Trainer(Tiny, s_options, data, interruptedDirectory, resume: true))
        {
            Assert.Equal(5, trainer.Step);
            second = await trainer.RunAsync(8, ct);
        }

        double[] expected = [.. straight.Steps.Select(s => s.Loss)];
        double[] resumed = [.. first.Steps.Concat(second.Steps).Select(s => s.Loss)];
        Assert.Equal(8, expected.Length);
        Assert.Equal(expected, resumed);
        Assert.Equal(straight.Evaluations[^1].Loss, second.Evaluations[^1].Loss);
        Assert.Equal(2, Directory.GetFiles(interruptedDirectory, "ckpt-*.bin").Length);
    }

    [Fact]
    public async Task RunAsync_InjectedLossSpike_RollsBackSkipsBatchesAndContinues()
    {
        TrainingData data = SyntheticCorpus.Create();
        TrainingOptions options = s_options with { MaxSteps = 20, CheckpointEvery = 5 };
        bool injected = false;
        using var trainer = new Trainer(Tiny, options, data, NewRunDirectory())
        {
            LossScale = step =>
            {
                if (step != 12 || injected)
                {
                    return 1.0;
                }

                injected = true;
                return 1000.0;
            },
        };

        TrainingResult result = await trainer.RunAsync(20, TestContext.Current.CancellationToken);

        Assert.True(injected);
        Assert.Equal(1, result.Rollbacks);
        Assert.Equal(20, result.FinalStep);
        // Steps 11 was taken, rolled back to the checkpoint at 10, and taken again on fresh windows.
        long[] stepNumbers = [.. result.Steps.Select(s => s.Step)];
        Assert.Equal([.. Enumerable.Range(1, 11).Select(i => (long)i), .. Enumerable.Range(11, 10).Select(i => (long)i)], stepNumbers);
        Assert.NotEqual(result.Steps[10].Loss, result.Steps[11].Loss);
        Assert.All(result.Steps, s => Assert.True(double.IsFinite(s.Loss) && s.Loss < 10));
    }

    [Fact]
    public async Task RunAsync_TinyModel_ValidationLossFallsFarBelowUnigramBaseline()
    {
        TrainingData data = SyntheticCorpus.Create();
        TrainingOptions options = s_options with { MaxSteps = 60, WarmupSteps = 5, CheckpointEvery = 60, EvaluationWindows = 8 };
        string runDirectory = NewRunDirectory();
        using var trainer = new Trainer(Tiny, options, data, runDirectory);

        TrainingResult result = await trainer.RunAsync(60, TestContext.Current.CancellationToken);

        double unigram = data.UnigramLoss();
        EvaluationResult final = result.Evaluations[^1];
        Assert.Equal(["count", "skip"], final.DomainLoss.Keys);
        Assert.True(final.Loss < unigram / 2, $"validation {final.Loss:F3} vs unigram {unigram:F3}");
        Assert.True(result.TokensPerSecond > 0);
        Assert.Equal(61, File.ReadAllLines(Path.Combine(runDirectory, "metrics.jsonl")).Length);
    }

    private static string NewRunDirectory() =>
        Directory.CreateTempSubdirectory("curate-train-tests-").FullName;
}
