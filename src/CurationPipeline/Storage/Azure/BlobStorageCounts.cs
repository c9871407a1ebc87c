using System.Text.Json.Serialization;

namespace CurationPipeline.Storage.Azure;

/// <summary>Blob storage traffic of a task or a run, as <c>stats.json</c> records it (<c>blob_storage</c>).</summary>
/// <param name="Requests">HTTP requests sent, retries included.</param>
/// <param name="Retries">Requests that were tries after a transient failure: throttling or a flaky network shows here.</param>
/// <param name="BytesRead">Blob bytes downloaded.</param>
/// <param name="BytesWritten">Blob bytes uploaded.</param>
public sealed record BlobStorageCounts(
    [property: JsonPropertyName("requests")] long Requests,
    [property: JsonPropertyName("retries")] long Retries,
    [property: JsonPropertyName("bytes_read")] long BytesRead,
    [property: JsonPropertyName("bytes_written")] long BytesWritten)
{
    /// <summary>The sum of two counts.</summary>
    public static BlobStorageCounts operator +(BlobStorageCounts a, BlobStorageCounts b) =>
        new(a.Requests + b.Requests, a.Retries + b.Retries, a.BytesRead + b.BytesRead, a.BytesWritten + b.BytesWritten);

    /// <summary>What happened between two snapshots of the same counters.</summary>
    public static BlobStorageCounts operator -(BlobStorageCounts later, BlobStorageCounts earlier) =>
        new(later.Requests - earlier.Requests, later.Retries - earlier.Retries, later.BytesRead - earlier.BytesRead, later.BytesWritten - earlier.BytesWritten);
}
