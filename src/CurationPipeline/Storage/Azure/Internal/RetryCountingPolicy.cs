using Azure.Core;
using Azure.Core.Pipeline;

namespace CurationPipeline.Storage.Azure.Internal;

/// <summary>Counts every try of a request into <see cref="AzureStorageStats"/>; placed per retry, so it sees the SDK's retries.</summary>
internal sealed class RetryCountingPolicy(AzureStorageStats stats) : HttpPipelinePolicy
{
    private const string TriedProperty = "curate.tried";

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Count(message);
        ProcessNext(message, pipeline);
    }

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Count(message);
        return ProcessNextAsync(message, pipeline);
    }

    private void Count(HttpMessage message)
    {
        bool retry = message.TryGetProperty(TriedProperty, out _);
        message.SetProperty(TriedProperty, true);
        stats.AddRequest(retry);
    }
}
