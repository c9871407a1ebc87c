using Microsoft.Extensions.Logging;

namespace CurationPipeline.Extraction.Internal;

/// <summary>Source-generated log messages of the extraction stage (event ids 3000-3099).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 3000, Level = LogLevel.Debug, Message = "Extraction failed with {Reason} for {Url}")]
    public static partial void ExtractionFailed(ILogger logger, string reason, string? url, Exception exception);
}
