using System.IO.Hashing;
using System.Text;
using CurationPipeline.Storage.Azure;

namespace CurationPipeline.Storage;

/// <summary>
/// The storage every command uses: routes each path by its scheme, blob paths (<c>az://</c>, <c>abfs://</c>, <c>abfss://</c>) to
/// Azure Blob storage and everything else to the local file system, so a run may read from one and write to the other. Scratch
/// data of work on a blob directory goes to a local folder (<see cref="ScratchRoot"/>), never to the container.
/// </summary>
/// <remarks>Thread-safe. The blob storage is only contacted for blob paths; a run on local paths needs no Azure credentials.</remarks>
public sealed class RoutingStorage : IStorage
{
    private readonly IStorage _local;
    private readonly IStorage _blob;

    /// <summary>Creates the storage.</summary>
    /// <param name="scratchRoot">The local folder for scratch data of remote outputs; <c>null</c> for the system temporary folder.</param>
    /// <param name="blob">The blob storage; <c>null</c> for an <see cref="AzureBlobStorage"/> configured from the environment.</param>
    /// <param name="local">The local storage; <c>null</c> for <see cref="LocalStorage.Instance"/>.</param>
    public RoutingStorage(string? scratchRoot = null, IStorage? blob = null, IStorage? local = null)
    {
        ScratchRoot = Path.GetFullPath(scratchRoot ?? Path.GetTempPath());
        _blob = blob ?? new AzureBlobStorage();
        _local = local ?? LocalStorage.Instance;
    }

    /// <summary>The local folder under which scratch data of remote outputs goes, one subfolder per output directory.</summary>
    public string ScratchRoot { get; }

    /// <summary>The blob storage's counters (requests, retries, bytes), when it is an <see cref="AzureBlobStorage"/>.</summary>
    public AzureStorageStats? BlobStats => (_blob as AzureBlobStorage)?.Stats;

    /// <summary>Whether <paramref name="path"/> lives in a remote store (a blob path).</summary>
    public static bool IsRemote(string path) => AzureBlobPath.IsBlobPath(path);

    /// <summary>Normalizes a path given by a user: a blob path stays as it is, a local one becomes absolute.</summary>
    public static string FullPath(string path) => IsRemote(path) ? path : Path.GetFullPath(path);

    /// <summary>Normalizes a path read from a configuration file: a blob path stays as it is, a local one resolves against <paramref name="baseDirectory"/>.</summary>
    public static string FullPath(string path, string baseDirectory) => IsRemote(path) ? path : Path.GetFullPath(path, baseDirectory);

    /// <inheritdoc/>
    public Stream OpenRead(string path) => For(path).OpenRead(path);

    /// <inheritdoc/>
    public AtomicWrite CreateAtomic(string path) => For(path).CreateAtomic(path);

    /// <inheritdoc/>
    public AtomicWrite CreateNew(string path) => For(path).CreateNew(path);

    /// <inheritdoc/>
    public IReadOnlyList<string> List(string pattern) => For(pattern).List(pattern);

    /// <inheritdoc/>
    public bool Exists(string path) => For(path).Exists(path);

    /// <inheritdoc/>
    public long Length(string path) => For(path).Length(path);

    /// <inheritdoc/>
    public void Delete(string path) => For(path).Delete(path);

    /// <inheritdoc/>
    public void DeleteEmptyDirectory(string path) => For(path).DeleteEmptyDirectory(path);

    /// <inheritdoc/>
    public string Combine(params string[] parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        return parts.Length == 0 ? "" : For(parts[0]).Combine(parts);
    }

    /// <inheritdoc/>
    /// <remarks>For a blob directory: <c>{ScratchRoot}/curate-scratch-{hash of the directory}/{parts}</c>, the same folder on every run, so a resumed run finds what a killed one left.</remarks>
    public string ScratchDirectory(string directory, params string[] parts)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (!IsRemote(directory))
        {
            return _local.ScratchDirectory(directory, parts);
        }

        string key = XxHash64.HashToUInt64(Encoding.UTF8.GetBytes(directory.TrimEnd('/'))).ToString("x16", System.Globalization.CultureInfo.InvariantCulture);
        return Path.Combine([ScratchRoot, "curate-scratch-" + key, .. parts]);
    }

    /// <inheritdoc/>
    public ValueTask<IAsyncDisposable> AcquireLockAsync(string path, StorageLockMode mode, string holder, CancellationToken cancellationToken = default) =>
        For(path).AcquireLockAsync(path, mode, holder, cancellationToken);

    private IStorage For(string path) => IsRemote(path) ? _blob : _local;
}
