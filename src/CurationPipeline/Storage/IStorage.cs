namespace CurationPipeline.Storage;

/// <summary>Every file access of the pipeline goes through this abstraction, so a remote store is an addition, not a rewrite.</summary>
/// <remarks>Paths are storage-relative strings with <c>/</c> separators or absolute local paths. Implementations are thread-safe.</remarks>
public interface IStorage
{
    /// <summary>Opens a file for sequential reading.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    Stream OpenRead(string path);

    /// <summary>Starts writing <paramref name="path"/> atomically: the data goes to a temporary name and appears under
    /// <paramref name="path"/> only when <see cref="AtomicWrite.CommitAsync"/> runs. Disposing without commit deletes the temporary file.</summary>
    AtomicWrite CreateAtomic(string path);

    /// <summary>
    /// Like <see cref="CreateAtomic"/>, but created once: <see cref="AtomicWrite.CommitAsync"/> fails with
    /// <see cref="StorageFileExistsException"/> when the file already exists, and leaves that file as it is (completion markers).
    /// </summary>
    /// <remarks>The default implementation throws: a store that cannot create conditionally cannot promise one marker per task.</remarks>
    /// <exception cref="NotSupportedException">This storage cannot create files once.</exception>
    AtomicWrite CreateNew(string path) => throw new NotSupportedException($"{GetType().Name} cannot create files once.");

    /// <summary>
    /// A folder on local disk for the scratch data of work on <paramref name="directory"/> (sort runs, shuffle buckets), which is
    /// written and read back by this process only and never belongs in a remote store.
    /// </summary>
    /// <param name="directory">The directory the work writes its results to.</param>
    /// <param name="parts">The scratch folder's name below it (e.g. <c>dedup</c>, <c>work</c>).</param>
    /// <returns>The folder; by default <paramref name="parts"/> below <paramref name="directory"/> itself, which is local.</returns>
    string ScratchDirectory(string directory, params string[] parts) => Combine([directory, .. parts]);

    /// <summary>Lists files matching <paramref name="pattern"/>: a file, a directory (all files below it) or a glob (<c>*</c>, <c>**</c>, <c>?</c>).</summary>
    /// <returns>Matching file paths in ordinal order.</returns>
    IReadOnlyList<string> List(string pattern);

    /// <summary>Whether a file exists.</summary>
    bool Exists(string path);

    /// <summary>The size of a file in bytes.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    long Length(string path);

    /// <summary>Deletes a file if it exists.</summary>
    void Delete(string path);

    /// <summary>Removes a directory if it exists and is empty (a scratch folder after its files were deleted); stores without directories do nothing.</summary>
    void DeleteEmptyDirectory(string path);

    /// <summary>Combines path segments the way this storage does.</summary>
    string Combine(params string[] parts);

    /// <summary>
    /// Takes a lock named by <paramref name="path"/> without waiting; it is held until the returned handle is disposed, or until
    /// the holding process ends, however it ends (a lock whose holder died is free again).
    /// </summary>
    /// <param name="path">The lock's path; the storage may create a file there, which stays after release.</param>
    /// <param name="mode">Exclusive (one holder) or shared (many holders, no exclusive one).</param>
    /// <param name="holder">Who holds it (what runs, the command line), shown to anyone the lock refuses.</param>
    /// <param name="cancellationToken">Stops the attempt.</param>
    /// <returns>The held lock; disposing it releases the lock.</returns>
    /// <remarks>The default implementation throws: a store that offers no locking cannot promise one writer per output.</remarks>
    /// <exception cref="StorageLockedException">Another holder has the lock in a conflicting mode; its holders are named.</exception>
    /// <exception cref="NotSupportedException">This storage cannot lock.</exception>
    ValueTask<IAsyncDisposable> AcquireLockAsync(string path, StorageLockMode mode, string holder, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException($"{GetType().Name} offers no locks.");
}
