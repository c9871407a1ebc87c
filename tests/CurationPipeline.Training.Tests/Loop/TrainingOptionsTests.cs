using CurationPipeline.Training.Loop;

namespace CurationPipeline.Training.Tests.Loop;

public sealed class TrainingOptionsTests
{
    private static readonly TrainingOptions s_options = new() { LearningRate = 1.0, MinLearningRateFraction = 0.1, WarmupSteps = 10, MaxSteps = 110 };

    [Theory]
    [InlineData(0, 0.1)]
    [InlineData(4, 0.5)]
    [InlineData(9, 1.0)]
    [InlineData(10, 1.0)]
    [InlineData(60, 0.55)]
    [InlineData(110, 0.1)]
    [InlineData(500, 0.1)]
    public void LearningRateAt_Cosine_WarmsUpThenDecaysToFloor(long step, double expected) =>
        Assert.Equal(expected, s_options.LearningRateAt(step), 9);

    [Theory]
    [InlineData(50, 1.0)]
    [InlineData(87, 1.0)]
    [InlineData(88, 1.0)]
    [InlineData(99, 0.1 + 0.9 * 0.29289321881)]
    [InlineData(110, 0.1)]
    public void LearningRateAt_WarmupStableDecay_HoldsThenDecaysOverLastFifth(long step, double expected) =>
        Assert.Equal(expected, (s_options with { Schedule = LearningRateSchedule.WarmupStableDecay }).LearningRateAt(step), 9);

    [Fact]
    public void BatchTokensAt_Stages_SwitchAtTheirTokenCounts()
    {
        var options = new TrainingOptions
        {
            SequenceLength = 16, MicroBatchSize = 2, BatchTokens = 32,
            BatchStages = [new BatchStage(1_000, 64), new BatchStage(5_000, 128)],
        };
        options.Validate();
        Assert.Equal(32, options.BatchTokensAt(999));
        Assert.Equal(64, options.BatchTokensAt(1_000));
        Assert.Equal(128, options.BatchTokensAt(9_000));
    }

    [Fact]
    public void Validate_BatchNotAMultipleOfMicroBatch_NamesTheProperty()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new TrainingOptions { BatchTokens = 1000 }.Validate());
        Assert.Equal(nameof(TrainingOptions.BatchTokens), error.ParamName);
    }
}
