using Microsoft.Extensions.Logging;

namespace CurationPipeline.Training.Loop.Internal;

/// <summary>Source-generated log messages of the training loop.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 9001, Level = LogLevel.Information,
        Message = "step {Step} | loss {Loss:F4} (z {LossZ:F2}) | norm {Norm:F3} (z {NormZ:F2}) | lr {LearningRate:E2} | {TokensPerSecond:F0} tok/s | MFU {Mfu:P1}")]
    public static partial void Step(ILogger logger, long step, double loss, double lossZ, double norm, double normZ, double learningRate,
        double tokensPerSecond, double mfu);

    [LoggerMessage(EventId = 9002, Level = LogLevel.Warning,
        Message = "loss spike at step {Step}: loss {Loss:F4} (z {LossZ:F2}), norm {Norm:F3} (z {NormZ:F2}); rolled back to step {RestoredStep} from {Checkpoint} and skipped {SkippedWindows} windows")]
    public static partial void Rollback(ILogger logger, long step, double loss, double lossZ, double norm, double normZ, long restoredStep,
        string checkpoint, long skippedWindows);

    [LoggerMessage(EventId = 9003, Level = LogLevel.Warning,
        Message = "loss spike at step {Step}: loss {Loss:F4} (z {LossZ:F2}), norm {Norm:F3} (z {NormZ:F2}); no checkpoint yet, update skipped")]
    public static partial void SkippedUpdate(ILogger logger, long step, double loss, double lossZ, double norm, double normZ);

    [LoggerMessage(EventId = 9004, Level = LogLevel.Information, Message = "validation after step {Step}: loss {Loss:F4} {DomainLoss}")]
    public static partial void Evaluation(ILogger logger, long step, double loss, string domainLoss);

    [LoggerMessage(EventId = 9005, Level = LogLevel.Information, Message = "checkpoint {Path} at step {Step}")]
    public static partial void Checkpoint(ILogger logger, string path, long step);

    [LoggerMessage(EventId = 9006, Level = LogLevel.Information, Message = "resumed from {Path} at step {Step}, data position {Position}")]
    public static partial void Resumed(ILogger logger, string path, long step, long position);

    [LoggerMessage(EventId = 9007, Level = LogLevel.Warning, Message = "Step {Step}: {Count} spikes in a row; accepting the new level (loss {Loss:F4}, grad norm {Norm:F3}) as a change of regime")]
    public static partial void RegimeChange(ILogger logger, long step, int count, double loss, double norm);
}
