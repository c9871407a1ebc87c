using Microsoft.Extensions.Logging;

namespace CurationPipeline.Embeddings.Internal;

/// <summary>Log messages of the embedding stage.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 6001, Level = LogLevel.Warning,
        Message = "CUDA execution provider unavailable on device {DeviceId}, embedding on CPU instead: {Error}")]
    public static partial void CudaFallback(ILogger logger, int deviceId, string error, Exception exception);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Information,
        Message = "Embedding model {Model} loaded on {Provider}: {Dimension} dimensions, inputs {Inputs}, output {Output}, tokenizer {Tokenizer}")]
    public static partial void ModelLoaded(ILogger logger, string model, string provider, int dimension, string inputs, string output, string tokenizer);
}
