namespace CurationPipeline.Storage.Azure;

/// <summary>Transfer, retry and lease settings of <see cref="AzureBlobStorage"/>.</summary>
/// <remarks>
/// Defaults: <see cref="BlockBytes"/> 4 MiB, <see cref="MaxUploadsInFlight"/> 2, <see cref="ReadChunkBytes"/> 4 MiB,
/// <see cref="MaxRetries"/> 5, <see cref="RetryDelay"/> 0.5 s, <see cref="MaxRetryDelay"/> 8 s, <see cref="NetworkTimeout"/> 100 s,
/// <see cref="LeaseDuration"/> 30 s. Memory per open file is bounded whatever the blob size: a writer holds its first block (kept
/// until commit so a header can be rewritten), the block being filled and at most <see cref="MaxUploadsInFlight"/> blocks being
/// staged; a reader holds the chunk being read and one chunk read ahead.
/// </remarks>
public sealed record AzureBlobStorageOptions
{
    /// <summary>Size of the blocks a write is staged in.</summary>
    public int BlockBytes { get; init; } = 4 << 20;

    /// <summary>Blocks of one write staged concurrently.</summary>
    public int MaxUploadsInFlight { get; init; } = 2;

    /// <summary>Size of one ranged read; the next range is fetched while this one is consumed.</summary>
    public int ReadChunkBytes { get; init; } = 4 << 20;

    /// <summary>Retries of a request that failed transiently (throttling 429/503, 500, 502, 504, 408, timeouts, dropped connections).</summary>
    public int MaxRetries { get; init; } = 5;

    /// <summary>The first retry's delay; it doubles per retry, with jitter, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(0.5);

    /// <summary>The longest delay between two tries.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(8);

    /// <summary>The timeout of one try.</summary>
    public TimeSpan NetworkTimeout { get; init; } = TimeSpan.FromSeconds(100);

    /// <summary>The duration of the lease that holds a lock (15 to 60 s); it is renewed at a third of it while held.</summary>
    public TimeSpan LeaseDuration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Checks every setting.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range; the message names it.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(BlockBytes, 64 << 10, nameof(BlockBytes));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(BlockBytes, 100 << 20, nameof(BlockBytes));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxUploadsInFlight, 1, nameof(MaxUploadsInFlight));
        ArgumentOutOfRangeException.ThrowIfLessThan(ReadChunkBytes, 64 << 10, nameof(ReadChunkBytes));
        ArgumentOutOfRangeException.ThrowIfNegative(MaxRetries, nameof(MaxRetries));
        ArgumentOutOfRangeException.ThrowIfLessThan(LeaseDuration, TimeSpan.FromSeconds(15), nameof(LeaseDuration));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(LeaseDuration, TimeSpan.FromSeconds(60), nameof(LeaseDuration));
    }
}
