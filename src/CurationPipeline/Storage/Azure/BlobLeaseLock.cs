using System.Diagnostics;
using System.Globalization;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using CurationPipeline.Storage.Azure.Internal;

namespace CurationPipeline.Storage.Azure;

/// <summary>
/// A lock on blob storage held as a blob lease, renewed while held: an exclusive holder leases the lock blob itself; each
/// shared holder creates and leases its own record blob beside it (<c>{lock}.{pid}-{id}.holder</c>). A holder publishes its
/// lease first and then looks for the other kind, so of two conflicting holders at least one sees the other and backs off.
/// </summary>
/// <remarks>
/// <para>A holder that dies stops renewing, and its lease expires after <see cref="AzureBlobStorageOptions.LeaseDuration"/>.
/// Sooner than that, a lease whose holder ran on this host and is no longer running (it names host and process id in the blob's
/// metadata) is broken at once, so a run resumed after a crash does not wait.</para>
/// <para>The lock blob stays after release (it is empty); a shared holder's record goes when it releases.</para>
/// </remarks>
public sealed class BlobLeaseLock : IAsyncDisposable
{
    private const string HostKey = "host";
    private const string PidKey = "pid";
    private const string StartedKey = "started";
    private const string HolderKey = "holder";
    private const string RecordSuffix = ".holder";

    private readonly BlobLeaseClient _lease;
    private readonly BlobClient? _record;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _renewal;
    private readonly AzureStorageStats _stats;
    private int _released;

    private BlobLeaseLock(BlobLeaseClient lease, BlobClient? record, TimeSpan duration, AzureStorageStats stats)
    {
        _lease = lease;
        _record = record;
        _stats = stats;
        _renewal = RenewAsync(duration / 3, stats, _stop.Token);
    }

    /// <summary>Takes the lock without waiting.</summary>
    /// <param name="container">The container of the lock blob.</param>
    /// <param name="path">The lock blob.</param>
    /// <param name="mode">Exclusive or shared.</param>
    /// <param name="holder">Who holds it, shown to anyone refused.</param>
    /// <param name="options">Lease duration.</param>
    /// <param name="stats">Counts lease renewals that failed.</param>
    /// <param name="cancellationToken">Stops the attempt.</param>
    /// <returns>The held lock.</returns>
    /// <exception cref="StorageLockedException">Another holder has the lock in a conflicting mode.</exception>
    internal static async Task<BlobLeaseLock> AcquireAsync(BlobContainerClient container, AzureBlobPath path, StorageLockMode mode, string holder,
        AzureBlobStorageOptions options, AzureStorageStats stats, CancellationToken cancellationToken)
    {
        BlobClient lockBlob = container.GetBlobClient(path.Name);
        IDictionary<string, string> metadata = HolderMetadata(holder);
        if (mode == StorageLockMode.Exclusive)
        {
            await CreateOnceAsync(lockBlob, metadata, cancellationToken).ConfigureAwait(false);
            await NameHolderAsync(lockBlob, metadata, cancellationToken).ConfigureAwait(false);
            BlobLeaseClient lease = await LeaseAsync(lockBlob, path, mode, options.LeaseDuration, cancellationToken).ConfigureAwait(false);
            var held = new BlobLeaseLock(lease, record: null, options.LeaseDuration, stats);
            try
            {
                await lockBlob.SetMetadataAsync(metadata, new BlobRequestConditions { LeaseId = lease.LeaseId }, cancellationToken).ConfigureAwait(false);
                List<string> shared = await LiveSharedHoldersAsync(container, path, cancellationToken).ConfigureAwait(false);
                if (shared.Count > 0)
                {
                    throw new StorageLockedException(path.ToString(), mode, shared);
                }

                return held;
            }
            catch
            {
                await held.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }

        BlobClient record = container.GetBlobClient($"{path.Name}.{Environment.ProcessId}-{Guid.NewGuid():N}{RecordSuffix}");
        await CreateOnceAsync(record, metadata, cancellationToken).ConfigureAwait(false);
        BlobLeaseClient own = await LeaseAsync(record, path, mode, options.LeaseDuration, cancellationToken).ConfigureAwait(false);
        var sharedLock = new BlobLeaseLock(own, record, options.LeaseDuration, stats);
        try
        {
            if (await ExclusiveHolderAsync(lockBlob, cancellationToken).ConfigureAwait(false) is { } exclusive)
            {
                throw new StorageLockedException(path.ToString(), mode, [exclusive]);
            }

            return sharedLock;
        }
        catch
        {
            await sharedLock.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Stops renewing and releases the lease (and removes a shared holder's record).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _released, 1) != 0)
        {
            return;
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        await _renewal.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
        try
        {
            if (_record is not null)
            {
                // The record goes with its lease: deleting a leased blob needs the lease id.
                await _record.DeleteIfExistsAsync(conditions: new BlobRequestConditions { LeaseId = _lease.LeaseId }).ConfigureAwait(false);
            }
            else
            {
                await _lease.ReleaseAsync().ConfigureAwait(false);
            }
        }
        catch (Exception e) when (BlobErrors.IsStorageFailure(e))
        {
            // Counted; the lease expires by itself, and a release that fails must not hide the failure that ended the holder's work.
            _stats.AddLeaseReleaseFailure();
        }
    }

    private async Task RenewAsync(TimeSpan period, AzureStorageStats stats, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(period);
        while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
        {
            try
            {
                await _lease.RenewAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (BlobErrors.IsStorageFailure(e))
            {
                // Counted; the next tick tries again, and the lease outlives two missed renewals.
                stats.AddLeaseRenewalFailure();
            }
        }
    }

    /// <summary>
    /// Names this holder in the lock blob's metadata before leasing it, so a holder that dies between taking the lease and naming
    /// itself never leaves a lease that points at an earlier, dead holder (whose lease would then be broken); fails quietly while
    /// someone else holds the lease, as the lease attempt then fails too.
    /// </summary>
    private static async Task NameHolderAsync(BlobClient lockBlob, IDictionary<string, string> metadata, CancellationToken cancellationToken)
    {
        try
        {
            await lockBlob.SetMetadataAsync(metadata, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            // Leased by someone else: LeaseAsync reports it.
        }
    }

    private static async Task CreateOnceAsync(BlobClient blob, IDictionary<string, string> metadata, CancellationToken cancellationToken)
    {
        try
        {
            await blob.UploadAsync(BinaryData.Empty, new BlobUploadOptions
            {
                Metadata = metadata,
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            // It exists: the lock blob of an earlier holder, which stays.
        }
    }

    /// <summary>Leases <paramref name="blob"/>, breaking the lease of a holder that died on this host first.</summary>
    private static async Task<BlobLeaseClient> LeaseAsync(BlobClient blob, AzureBlobPath path, StorageLockMode mode, TimeSpan duration, CancellationToken cancellationToken)
    {
        BlobLeaseClient lease = blob.GetBlobLeaseClient(Guid.NewGuid().ToString());
        for (int attempt = 0; ; attempt++)
        {
            try
            {
                await lease.AcquireAsync(duration, cancellationToken: cancellationToken).ConfigureAwait(false);
                return lease;
            }
            catch (RequestFailedException e) when (e.Status == 409 && attempt == 0)
            {
                BlobProperties properties = (await blob.GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
                (string description, bool alive) = Describe(properties.Metadata);
                if (alive)
                {
                    throw new StorageLockedException(path.ToString(), mode, [description], e);
                }

                await lease.BreakAsync(TimeSpan.Zero, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static async Task<List<string>> LiveSharedHoldersAsync(BlobContainerClient container, AzureBlobPath path, CancellationToken cancellationToken)
    {
        var live = new List<string>();
        await foreach (BlobItem item in container.GetBlobsAsync(BlobTraits.Metadata, BlobStates.None, path.Name + ".", cancellationToken).ConfigureAwait(false))
        {
            if (!item.Name.EndsWith(RecordSuffix, StringComparison.Ordinal))
            {
                continue;
            }

            (string description, bool alive) = Describe(item.Metadata);
            BlobClient record = container.GetBlobClient(item.Name);
            if (item.Properties.LeaseState == LeaseState.Leased && alive)
            {
                live.Add(description);
                continue;
            }

            // A dead holder's record: its lease expired, or its process is gone from this host.
            if (item.Properties.LeaseState == LeaseState.Leased)
            {
                await record.GetBlobLeaseClient().BreakAsync(TimeSpan.Zero, cancellationToken: cancellationToken).ConfigureAwait(false);
            }

            await record.DeleteIfExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        return live;
    }

    /// <summary>The exclusive holder of the lock blob, or <c>null</c> when there is none (or it died: its lease is broken then).</summary>
    private static async Task<string?> ExclusiveHolderAsync(BlobClient lockBlob, CancellationToken cancellationToken)
    {
        BlobProperties properties;
        try
        {
            properties = (await lockBlob.GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null; // never locked exclusively
        }

        if (properties.LeaseState != LeaseState.Leased)
        {
            return null;
        }

        (string description, bool alive) = Describe(properties.Metadata);
        if (alive)
        {
            return description;
        }

        await lockBlob.GetBlobLeaseClient().BreakAsync(TimeSpan.Zero, cancellationToken: cancellationToken).ConfigureAwait(false);
        return null;
    }

    private static Dictionary<string, string> HolderMetadata(string holder)
    {
        using var self = Process.GetCurrentProcess();
        return new Dictionary<string, string>
        {
            [HostKey] = Uri.EscapeDataString(Environment.MachineName),
            [PidKey] = Environment.ProcessId.ToString(CultureInfo.InvariantCulture),
            [StartedKey] = self.StartTime.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            [HolderKey] = Uri.EscapeDataString(holder.ReplaceLineEndings(" ")),
        };
    }

    /// <summary>A holder's description, and whether it may be alive (anything but a process of this host that is gone).</summary>
    private static (string Description, bool Alive) Describe(IDictionary<string, string> metadata)
    {
        if (!metadata.TryGetValue(HolderKey, out string? holder) || !metadata.TryGetValue(PidKey, out string? pidText)
            || !int.TryParse(pidText, NumberStyles.None, CultureInfo.InvariantCulture, out int pid))
        {
            return ("an unnamed holder (its lease expires by itself)", true);
        }

        string host = Uri.UnescapeDataString(metadata.TryGetValue(HostKey, out string? h) ? h : "");
        metadata.TryGetValue(StartedKey, out string? started);
        bool alive = host != Environment.MachineName || IsRunning(pid);
        return ($"{Uri.UnescapeDataString(holder)} (pid {pid} on {host}, started {started})", alive);
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false; // no such process
        }
    }
}
