using System.Collections.Concurrent;
using Azure;
using Azure.Core;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using CurationPipeline.Storage.Azure.Internal;
using Microsoft.Extensions.FileSystemGlobbing;

namespace CurationPipeline.Storage.Azure;

/// <summary>
/// <see cref="IStorage"/> over Azure Blob storage, for paths <c>az://container/path</c> (also <c>abfs://</c>, and
/// <c>az://container@account.blob.core.windows.net/path</c>): streamed ranged reads with read-ahead, writes staged as blocks and
/// committed at once, create-once markers (<c>If-None-Match: *</c>), locks as leases.
/// </summary>
/// <remarks>
/// <para>Credentials come from the environment in the order <see cref="AzureCredentials"/> documents. Transient failures
/// (throttling, server errors, timeouts, dropped connections) are retried with exponential backoff and jitter
/// (<see cref="AzureBlobStorageOptions"/>), and counted in <see cref="Stats"/>.</para>
/// <para>Errors arrive as the exceptions the pipeline already handles, with one line that names the container and the blob:
/// <see cref="FileNotFoundException"/> (404), <see cref="DirectoryNotFoundException"/> (the container does not exist),
/// <see cref="UnauthorizedAccessException"/> (401/403), <see cref="IOException"/> (retries exhausted, service unreachable).</para>
/// <para>Blob storage has no directories: a "directory" is a name prefix, <see cref="DeleteEmptyDirectory"/> does nothing, and
/// listing a directory lists every blob under its prefix. Thread-safe.</para>
/// </remarks>
public sealed class AzureBlobStorage : IStorage
{
    private readonly AzureCredentials _credentials;
    private readonly AzureBlobStorageOptions _options;
    private readonly BlobClientOptions _clientOptions;
    private readonly ConcurrentDictionary<string, BlobServiceClient> _clients = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates the storage.</summary>
    /// <param name="credentials">Where account and credentials come from; by default the process environment.</param>
    /// <param name="options">Transfer, retry and lease settings; validated here.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public AzureBlobStorage(AzureCredentials? credentials = null, AzureBlobStorageOptions? options = null)
    {
        _credentials = credentials ?? new AzureCredentials();
        _options = options ?? new AzureBlobStorageOptions();
        _options.Validate();
        _clientOptions = new BlobClientOptions();
        _clientOptions.Retry.Mode = RetryMode.Exponential; // Azure.Core adds jitter to every delay
        _clientOptions.Retry.MaxRetries = _options.MaxRetries;
        _clientOptions.Retry.Delay = _options.RetryDelay;
        _clientOptions.Retry.MaxDelay = _options.MaxRetryDelay;
        _clientOptions.Retry.NetworkTimeout = _options.NetworkTimeout;
        _clientOptions.AddPolicy(new RetryCountingPolicy(Stats), HttpPipelinePosition.PerRetry);
    }

    /// <summary>Requests, retries and bytes moved by this storage.</summary>
    public AzureStorageStats Stats { get; } = new();

    /// <inheritdoc/>
    /// <exception cref="FileNotFoundException">The blob does not exist.</exception>
    public Stream OpenRead(string path)
    {
        AzureBlobPath blob = AzureBlobPath.Parse(path);
        BlobClient client = Container(blob).GetBlobClient(blob.Name);
        BlobProperties properties = Call(blob, "opening", () => client.GetProperties().Value);
        return new BlobReadStream(client, blob, properties.ContentLength, properties.ETag, _options.ReadChunkBytes, Stats);
    }

    /// <inheritdoc/>
    public AtomicWrite CreateAtomic(string path) => Create(path, createOnly: false);

    /// <inheritdoc/>
    public AtomicWrite CreateNew(string path) => Create(path, createOnly: true);

    /// <inheritdoc/>
    public bool Exists(string path)
    {
        AzureBlobPath blob = AzureBlobPath.Parse(path);
        return blob.Name.Length > 0 && Call(blob, "checking", () => Container(blob).GetBlobClient(blob.Name).Exists().Value);
    }

    /// <inheritdoc/>
    public long Length(string path)
    {
        AzureBlobPath blob = AzureBlobPath.Parse(path);
        return Call(blob, "reading the size of", () => Container(blob).GetBlobClient(blob.Name).GetProperties().Value.ContentLength);
    }

    /// <inheritdoc/>
    public void Delete(string path)
    {
        AzureBlobPath blob = AzureBlobPath.Parse(path);
        Call(blob, "deleting", () => Container(blob).GetBlobClient(blob.Name).DeleteIfExists().Value);
    }

    /// <inheritdoc/>
    /// <remarks>Blob storage has no directories: nothing to do.</remarks>
    public void DeleteEmptyDirectory(string path) => AzureBlobPath.Parse(path);

    /// <inheritdoc/>
    /// <remarks>Joins with <c>/</c>; the first part is a blob path, the others are names below it.</remarks>
    public string Combine(params string[] parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        return string.Join('/', parts.Select((p, i) => i == 0 ? p.TrimEnd('/') : p.Trim('/')).Where((p, i) => i == 0 || p.Length > 0));
    }

    /// <inheritdoc/>
    /// <remarks>A blob lease, renewed while held (<see cref="BlobLeaseLock"/>).</remarks>
    public async ValueTask<IAsyncDisposable> AcquireLockAsync(string path, StorageLockMode mode, string holder, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(holder);
        AzureBlobPath blob = AzureBlobPath.Parse(path);
        try
        {
            return await BlobLeaseLock.AcquireAsync(Container(blob), blob, mode, holder, _options, Stats, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (BlobErrors.IsStorageFailure(e))
        {
            throw BlobErrors.Translate(e, blob, "locking");
        }
    }

    /// <inheritdoc/>
    /// <remarks>
    /// A blob name lists that blob; a name without wildcards that is no blob lists every blob under it as a prefix folder
    /// (<c>name/</c>); a glob (<c>*</c>, <c>**</c>, <c>?</c>) lists the blobs under its fixed prefix and matches the rest.
    /// </remarks>
    /// <exception cref="DirectoryNotFoundException">The container does not exist.</exception>
    public IReadOnlyList<string> List(string pattern)
    {
        AzureBlobPath blob = AzureBlobPath.Parse(pattern);
        return Call(blob, "listing", () =>
        {
            BlobContainerClient container = Container(blob);
            int wildcard = blob.Name.IndexOfAny(['*', '?', '[']);
            if (wildcard < 0)
            {
                if (blob.Name.Length > 0 && container.GetBlobClient(blob.Name).Exists().Value)
                {
                    return [blob.ToString()];
                }

                string folder = blob.Name.Length == 0 ? "" : blob.Name.TrimEnd('/') + "/";
                return Sorted(Names(container, folder).Select(blob.WithName));
            }

            int split = blob.Name.LastIndexOf('/', wildcard);
            string prefix = split < 0 ? "" : blob.Name[..(split + 1)];
            var matcher = new Matcher(StringComparison.Ordinal);
            matcher.AddInclude(blob.Name[prefix.Length..]);
            string[] names = [.. Names(container, prefix)];
            var relative = names.ToDictionary(n => "/" + n[prefix.Length..], n => n, StringComparer.Ordinal);
            return Sorted(matcher.Match("/", relative.Keys).Files.Select(f => blob.WithName(relative["/" + f.Path])));
        });
    }

    private AtomicWrite Create(string path, bool createOnly)
    {
        AzureBlobPath blob = AzureBlobPath.Parse(path);
        if (blob.Name.Length == 0 || blob.Name.EndsWith('/'))
        {
            throw new ArgumentException($"'{path}' names no blob.", nameof(path));
        }

        return new BlobAtomicWrite(Container(blob).GetBlockBlobClient(blob.Name), blob, createOnly, _options, Stats);
    }

    private static IEnumerable<string> Names(BlobContainerClient container, string prefix) =>
        container.GetBlobs(BlobTraits.None, BlobStates.None, prefix.Length == 0 ? null : prefix, CancellationToken.None).Select(b => b.Name);

    private static string[] Sorted(IEnumerable<string> paths)
    {
        string[] result = [.. paths];
        Array.Sort(result, StringComparer.Ordinal);
        return result;
    }

    private BlobContainerClient Container(AzureBlobPath blob)
    {
        BlobServiceClient service = _clients.GetOrAdd(blob.Account ?? "", (_, account) => _credentials.CreateClient(account, _clientOptions).Client, blob.Account);
        return service.GetBlobContainerClient(blob.Container);
    }

    private static T Call<T>(AzureBlobPath blob, string operation, Func<T> request)
    {
        try
        {
            return request();
        }
        catch (Exception e) when (BlobErrors.IsStorageFailure(e))
        {
            throw BlobErrors.Translate(e, blob, operation);
        }
    }
}
