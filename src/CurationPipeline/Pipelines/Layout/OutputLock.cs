using CurationPipeline.Storage;

namespace CurationPipeline.Pipelines.Layout;

/// <summary>
/// One writer per output directory: the lock a run holds on its output directory while it writes there, through
/// <see cref="IStorage.AcquireLockAsync"/> (a file lock locally, a lease on blob storage).
/// </summary>
/// <remarks>
/// <para>A run that writes files all its tasks share (<c>curate run</c> of every task, the dedup cluster step, SemDeDup, the
/// mix) holds <see cref="FileName"/> exclusively. A task of a cluster run (<c>--rank</c>) holds it shared, so tasks run side by
/// side, plus its own <c>.locks/{pass}-{rank:D5}.lock</c> exclusively, so one task never runs twice at once. Either refuses
/// the other: a whole-directory run waits for no task, and no task starts inside one.</para>
/// <para>The lock ends with the holding process, however it ends; a lock file left by a killed run is taken over by the next.
/// The lock files stay in the directory after release (they are empty; <c>*.holder</c> records name live holders).</para>
/// </remarks>
public sealed class OutputLock : IAsyncDisposable
{
    /// <summary>The lock file of the whole output directory.</summary>
    public const string FileName = ".curate.lock";

    /// <summary>The folder of per-task lock files (<c>{pass}-{rank:D5}.lock</c>).</summary>
    public const string TaskFolder = ".locks";

    private readonly IAsyncDisposable _directory;
    private readonly IAsyncDisposable? _task;

    private OutputLock(IAsyncDisposable directory, IAsyncDisposable? task)
    {
        _directory = directory;
        _task = task;
    }

    /// <summary>Takes the whole output directory, for a run that writes files shared by all tasks.</summary>
    /// <param name="storage">Where the directory lives.</param>
    /// <param name="outputDirectory">The output directory (created when missing).</param>
    /// <param name="role">What this run does, e.g. <c>dedup cluster step</c>; the command line is added.</param>
    /// <param name="cancellationToken">Stops the attempt.</param>
    /// <returns>The held lock.</returns>
    /// <exception cref="OutputLockedException">Another run, or a task of a cluster run, is writing the directory.</exception>
    /// <exception cref="PipelineStageException">The directory cannot be created or its lock file written (stage <c>output</c>).</exception>
    public static async Task<OutputLock> AcquireAsync(IStorage storage, string outputDirectory, string role, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(storage);
        IAsyncDisposable directory = await TakeAsync(storage, outputDirectory, DirectoryLockPath(storage, outputDirectory), StorageLockMode.Exclusive, role, task: null, cancellationToken).ConfigureAwait(false);
        return new OutputLock(directory, task: null);
    }

    /// <summary>Takes one task's share of the output directory: side by side with the other tasks of the run, never beside a whole-directory run or the same task.</summary>
    /// <param name="storage">Where the directory lives.</param>
    /// <param name="outputDirectory">The output directory (created when missing).</param>
    /// <param name="task">The task that writes.</param>
    /// <param name="cancellationToken">Stops the attempt.</param>
    /// <returns>The held lock.</returns>
    /// <exception cref="OutputLockedException">A whole-directory run holds the directory, or this task runs elsewhere.</exception>
    public static async Task<OutputLock> AcquireTaskAsync(IStorage storage, string outputDirectory, PipelineTask task, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(task);
        string role = $"task {task}";
        IAsyncDisposable directory = await TakeAsync(storage, outputDirectory, DirectoryLockPath(storage, outputDirectory), StorageLockMode.Shared, role, task, cancellationToken).ConfigureAwait(false);
        try
        {
            string taskLock = storage.Combine(outputDirectory, TaskFolder, task.Stem + ".lock");
            IAsyncDisposable own = await TakeAsync(storage, outputDirectory, taskLock, StorageLockMode.Exclusive, role, task, cancellationToken).ConfigureAwait(false);
            return new OutputLock(directory, own);
        }
        catch
        {
            await directory.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Takes a directory for reading (a mix reading a tagged directory): refused while a whole-directory run writes it.</summary>
    /// <param name="storage">Where the directory lives.</param>
    /// <param name="directory">The directory read.</param>
    /// <param name="role">What reads it.</param>
    /// <param name="cancellationToken">Stops the attempt.</param>
    /// <returns>The held lock; a directory this process may not write (a read-only dataset) gets no lock, since no run of ours can write it either.</returns>
    /// <exception cref="OutputLockedException">A whole-directory run is writing the directory.</exception>
    public static async Task<OutputLock> AcquireReaderAsync(IStorage storage, string directory, string role, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(storage);
        try
        {
            IAsyncDisposable held = await TakeAsync(storage, directory, DirectoryLockPath(storage, directory), StorageLockMode.Shared, role, task: null, cancellationToken).ConfigureAwait(false);
            return new OutputLock(held, task: null);
        }
        catch (UnauthorizedAccessException)
        {
            return new OutputLock(NoLock.Instance, task: null);
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (_task is not null)
        {
            await _task.DisposeAsync().ConfigureAwait(false);
        }

        await _directory.DisposeAsync().ConfigureAwait(false);
    }

    private static string DirectoryLockPath(IStorage storage, string directory) => storage.Combine(directory, FileName);

    /// <summary>The stage a failure to take the directory is reported under.</summary>
    private const string Stage = "output";

    private static async Task<IAsyncDisposable> TakeAsync(IStorage storage, string outputDirectory, string path, StorageLockMode mode, string role, PipelineTask? task, CancellationToken cancellationToken)
    {
        string holder = $"{role}: {string.Join(' ', Environment.GetCommandLineArgs())}";
        try
        {
            return await storage.AcquireLockAsync(path, mode, holder, cancellationToken).ConfigureAwait(false);
        }
        catch (StorageLockedException e)
        {
            throw new OutputLockedException(outputDirectory, task, e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The directory cannot be created or written (a file in its place, no permission, a full disk).
            throw new PipelineStageException(Stage, e);
        }
    }

    private sealed class NoLock : IAsyncDisposable
    {
        public static NoLock Instance { get; } = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
