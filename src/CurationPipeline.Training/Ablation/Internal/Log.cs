using Microsoft.Extensions.Logging;

namespace CurationPipeline.Training.Ablation.Internal;

/// <summary>Source-generated log messages of the ablation.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 9101, Level = LogLevel.Information,
        Message = "ablation mix {Mix}: {TrainTokens} training tokens, validation set {Validation}")]
    public static partial void Mixed(ILogger logger, string mix, long trainTokens, ValidationSetFingerprint validation);

    [LoggerMessage(EventId = 9102, Level = LogLevel.Information,
        Message = "ablation run {Mix} ({Index} of {Count}): preset {Preset}, {Steps} steps of {BatchTokens} tokens, seed {Seed}")]
    public static partial void Training(ILogger logger, string mix, int index, int count, string preset, int steps, int batchTokens, long seed);

    [LoggerMessage(EventId = 9103, Level = LogLevel.Information,
        Message = "ablation run {Mix} seed {Seed} done: validation loss {Loss:F4}, unigram baseline {Unigram:F4}, {TokensPerParameter:F3} tokens/parameter")]
    public static partial void Trained(ILogger logger, string mix, long seed, double loss, double unigram, double tokensPerParameter);
}
