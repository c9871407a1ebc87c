using Microsoft.Extensions.Logging;

namespace CurationPipeline.Mixing;

/// <summary>Source-generated log messages of the mix pass.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 701, Level = LogLevel.Information, Message = "Mix {Name}: {Documents} mixable documents in {Shards} tokenized shards; budget {Budget} tokens")]
    public static partial void Planned(ILogger logger, string name, int documents, int shards, long budget);

    [LoggerMessage(EventId = 702, Level = LogLevel.Warning, Message = "Domain {Domain} is short: {Planned} of {Target} target tokens ({Available} available, max {MaxEpochs} epochs); the achieved mix differs from the target")]
    public static partial void DomainShort(ILogger logger, string domain, long planned, long target, long available, int maxEpochs);

    [LoggerMessage(EventId = 703, Level = LogLevel.Information, Message = "Mix {Name} written in {Seconds:F2} s: {Tokens} training tokens, {ValidationTokens} validation tokens")]
    public static partial void Done(ILogger logger, string name, double seconds, long tokens, long validationTokens);
}
