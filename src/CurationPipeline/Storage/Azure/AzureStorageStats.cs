namespace CurationPipeline.Storage.Azure;

/// <summary>Counters of one <see cref="AzureBlobStorage"/>: requests, retries and bytes moved. Thread-safe.</summary>
public sealed class AzureStorageStats
{
    private long _requests;
    private long _retries;
    private long _bytesRead;
    private long _bytesWritten;
    private long _leaseRenewalFailures;
    private long _leaseReleaseFailures;

    /// <summary>HTTP requests sent, retries included.</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>Requests that were tries after a transient failure (throttling, server errors, timeouts, dropped connections).</summary>
    public long Retries => Interlocked.Read(ref _retries);

    /// <summary>Blob bytes downloaded.</summary>
    public long BytesRead => Interlocked.Read(ref _bytesRead);

    /// <summary>Blob bytes uploaded.</summary>
    public long BytesWritten => Interlocked.Read(ref _bytesWritten);

    /// <summary>Lease renewals of held locks that failed (each is tried again a third of the lease duration later).</summary>
    public long LeaseRenewalFailures => Interlocked.Read(ref _leaseRenewalFailures);

    /// <summary>Lock releases that failed (the service unreachable); such a lease expires by itself after its duration.</summary>
    public long LeaseReleaseFailures => Interlocked.Read(ref _leaseReleaseFailures);

    /// <summary>The request and byte counters now.</summary>
    public BlobStorageCounts Snapshot() => new(Requests, Retries, BytesRead, BytesWritten);

    internal void AddLeaseReleaseFailure() => Interlocked.Increment(ref _leaseReleaseFailures);

    internal void AddLeaseRenewalFailure() => Interlocked.Increment(ref _leaseRenewalFailures);

    internal void AddRequest(bool retry)
    {
        Interlocked.Increment(ref _requests);
        if (retry)
        {
            Interlocked.Increment(ref _retries);
        }
    }

    internal void AddRead(long bytes) => Interlocked.Add(ref _bytesRead, bytes);

    internal void AddWritten(long bytes) => Interlocked.Add(ref _bytesWritten, bytes);
}
