using CurationPipeline.Mixing;
using CurationPipeline.Training.Ablation;
using CurationPipeline.Training.Loop;

namespace CurationPipeline.Training.Tests.Ablation;

/// <summary>Mixes and a recipe small enough for a test: two domains from <c>declared_language</c>, a few tiny-model steps.</summary>
internal static class AblationFixtures
{
    public static readonly TrainingOptions Training = new()
    {
        SequenceLength = 16,
        MicroBatchSize = 4,
        BatchTokens = 64,
        WarmupSteps = 2,
        LearningRate = 3e-3,
        CheckpointEvery = 1_000,
        KeepCheckpoints = 1,
        EvaluateEvery = 3,
        EvaluationWindows = 4,
        Threads = 1,
    };

    public static MixOptions Mix(double englishShare, long validationTokens = 200) => new()
    {
        Seed = 5,
        TotalTokens = 1_500,
        Domains = [new DomainRule { Domain = "multilingual", When = new MixCondition { Column = "declared_language", IsNot = "en", Default = "en" } }],
        Targets = new Dictionary<string, double> { ["general"] = englishShare, ["multilingual"] = 1 - englishShare },
        ValidationTokensPerDomain = validationTokens,
    };

    public static AblationOptions Options(string tagged, string output, MixOptions first, MixOptions second) => new()
    {
        TaggedDirectory = tagged,
        OutputDirectory = output,
        Mixes = [new AblationMix("general-heavy", first), new AblationMix("multilingual-heavy", second)],
        TrainingTokens = 6 * 64,
        Training = Training,
    };
}
