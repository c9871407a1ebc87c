using CurationPipeline.Storage.Internal;
using Microsoft.Extensions.FileSystemGlobbing;

namespace CurationPipeline.Storage;

/// <summary><see cref="IStorage"/> over the local file system.</summary>
public sealed class LocalStorage : IStorage
{
    /// <summary>A shared instance; the type holds no state.</summary>
    public static LocalStorage Instance { get; } = new();

    /// <inheritdoc/>
    public Stream OpenRead(string path) =>
        new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16, FileOptions.SequentialScan);

    /// <inheritdoc/>
    public AtomicWrite CreateAtomic(string path) => new LocalAtomicWrite(path, null);

    /// <inheritdoc/>
    /// <remarks>The temporary file is moved to its name without replacing: a file already there makes the move fail.</remarks>
    public AtomicWrite CreateNew(string path) => new LocalAtomicWrite(path, null, createOnly: true);

    /// <summary>Like <see cref="CreateAtomic(string)"/>, opening the temporary file with <paramref name="open"/> (tests inject write failures).</summary>
    internal static AtomicWrite CreateAtomic(string path, Func<string, FileStream> open) => new LocalAtomicWrite(path, open, createOnly: false);

    /// <inheritdoc/>
    public bool Exists(string path) => File.Exists(path);

    /// <inheritdoc/>
    public long Length(string path) => new FileInfo(path).Length;

    /// <inheritdoc/>
    public void Delete(string path)
    {
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

    /// <inheritdoc/>
    public void DeleteEmptyDirectory(string path)
    {
        if (Directory.Exists(path) && !Directory.EnumerateFileSystemEntries(path).Any())
        {
            Directory.Delete(path);
        }
    }

    /// <inheritdoc/>
    public string Combine(params string[] parts) => System.IO.Path.Combine(parts);

    /// <inheritdoc/>
    /// <remarks>
    /// An operating-system file lock (<c>flock</c> on Linux), so a killed holder's lock is free at once. The lock file stays
    /// after release; holder records (<c>{path}.{pid}-{id}.holder</c>) name the holders to anyone refused.
    /// </remarks>
    public ValueTask<IAsyncDisposable> AcquireLockAsync(string path, StorageLockMode mode, string holder, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(holder);
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult<IAsyncDisposable>(LocalFileLock.Acquire(path, mode, holder));
    }

    /// <inheritdoc/>
    public IReadOnlyList<string> List(string pattern)
    {
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        if (File.Exists(pattern))
        {
            return [System.IO.Path.GetFullPath(pattern)];
        }

        if (Directory.Exists(pattern))
        {
            return Sorted(Directory.EnumerateFiles(pattern, "*", SearchOption.AllDirectories)
                .Where(f => !System.IO.Path.GetFileName(f).StartsWith(".tmp-", StringComparison.Ordinal)));
        }

        int wildcard = pattern.IndexOfAny(['*', '?', '[']);
        if (wildcard < 0)
        {
            return [];
        }

        // Root the glob at the last directory separator before the first wildcard.
        int split = pattern.LastIndexOf('/', wildcard);
        string root = split < 0 ? "." : (split == 0 ? "/" : pattern[..split]);
        string relative = split < 0 ? pattern : pattern[(split + 1)..];
        if (!Directory.Exists(root))
        {
            return [];
        }

        var matcher = new Matcher(StringComparison.Ordinal);
        matcher.AddInclude(relative);
        return Sorted(matcher.GetResultsInFullPath(root));
    }

    private static string[] Sorted(IEnumerable<string> paths)
    {
        string[] result = paths.Select(System.IO.Path.GetFullPath).ToArray();
        Array.Sort(result, StringComparer.Ordinal);
        return result;
    }

    private sealed class LocalAtomicWrite : AtomicWrite
    {
        private readonly string _temporaryPath;
        private readonly FileStream _stream;
        private readonly bool _createOnly;
        private bool _committed;

        public LocalAtomicWrite(string path, Func<string, FileStream>? open, bool createOnly = false)
        {
            Path = path;
            _createOnly = createOnly;
            string directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!;
            Directory.CreateDirectory(directory);
            _temporaryPath = System.IO.Path.Combine(directory, $".tmp-{Guid.NewGuid():N}-{System.IO.Path.GetFileName(path)}");
            _stream = open?.Invoke(_temporaryPath) ?? new FileStream(_temporaryPath, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, bufferSize: 1 << 16);
        }

        public override string Path { get; }

        public override Stream Stream => _stream;

        public override async ValueTask CommitAsync(CancellationToken cancellationToken = default)
        {
            ObjectDisposedException.ThrowIf(_committed, this);
            await _stream.FlushAsync(cancellationToken).ConfigureAwait(false);
            _stream.Flush(flushToDisk: true);
            await _stream.DisposeAsync().ConfigureAwait(false);
            CommitKillPoint.BeforeCommit(Path);
            if (_createOnly)
            {
                MoveOnce();
            }
            else
            {
                File.Move(_temporaryPath, Path, overwrite: true);
            }

            _committed = true;
            CommitKillPoint.AfterCommit(Path);
        }

        /// <summary>Publishes without replacing (on Unix .NET links the new name, which fails atomically when it exists, then unlinks the old).</summary>
        private void MoveOnce()
        {
            try
            {
                File.Move(_temporaryPath, Path, overwrite: false);
            }
            catch (IOException e) when (File.Exists(Path))
            {
                throw new StorageFileExistsException(Path, e);
            }
        }

        public override async ValueTask DisposeAsync()
        {
            if (_committed)
            {
                return;
            }

            try
            {
                await _stream.DisposeAsync().ConfigureAwait(false);
            }
            catch (IOException)
            {
                // Closing flushes buffered bytes of a file being discarded; on a full disk that fails again, after the write or
                // commit that failed first has already thrown. Rethrowing here would stop callers that discard several files
                // in a loop (the mix's shuffle buckets) before the rest are deleted.
            }
            finally
            {
                File.Delete(_temporaryPath);
            }
        }
    }
}
