using CurationPipeline.Dedup.Internal;
using CurationPipeline.Storage;

namespace CurationPipeline.Dedup;

/// <summary>The global dedup step, on signature files only (never text): bucket tasks find candidate pairs, a final task clusters.</summary>
/// <remarks>
/// Distributed: rank <c>i</c> of <c>n</c> calls <see cref="FindCandidatesAsync"/> (bands <c>i, i+n, …</c>; the exact-hash
/// section counts as band <c>Bands</c>), then one task calls <see cref="ClusterAsync"/> with every rank's pair file.
/// <see cref="RunLocalAsync"/> does both in one process. All methods sort the signature file list (ordinal) themselves,
/// so every task sees the same global document numbering whatever order it was given. Damaged signature or pair files
/// raise <see cref="InvalidDataException"/> naming the file: they are pipeline outputs, so damage is an infrastructure failure.
/// </remarks>
public static class GlobalDedup
{
    /// <summary>Finds the candidate pairs of one rank's bands and writes them to <paramref name="pairsPath"/> atomically.</summary>
    /// <param name="storage">Where files live.</param>
    /// <param name="signatureFiles">Every signature file of the dedup scope (all ranks must pass the same set).</param>
    /// <param name="rank">This task's rank, in <c>0..worldSize-1</c>.</param>
    /// <param name="worldSize">Number of bucket tasks.</param>
    /// <param name="pairsPath">The pair file to write.</param>
    /// <param name="workDirectory">Where temporary merge runs go (deleted afterwards); used only when there are more files than <see cref="DedupClusterOptions.MaxOpenRuns"/>.</param>
    /// <param name="options">Global step settings.</param>
    /// <param name="cancellationToken">Stops the task; no pair file appears then.</param>
    /// <returns>The number of pairs written.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Bad rank, world size or option.</exception>
    /// <exception cref="InvalidDataException">A signature file is damaged or the files' MinHash options differ.</exception>
    /// <exception cref="InvalidOperationException">A Jaccard threshold is set but the files carry no sketches.</exception>
    public static Task<long> FindCandidatesAsync(IStorage storage, IReadOnlyList<string> signatureFiles, int rank, int worldSize,
        string pairsPath, string workDirectory, DedupClusterOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(signatureFiles);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        ArgumentOutOfRangeException.ThrowIfLessThan(worldSize, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(rank);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(rank, worldSize);
        return Task.Run(
            () => new CandidateFinder(storage, SignatureFileSet.Open(storage, signatureFiles), options, workDirectory)
                .RunAsync(rank, worldSize, pairsPath, cancellationToken),
            cancellationToken);
    }

    /// <summary>Clusters the candidate pairs and writes the drop list (sorted by document id) to <paramref name="dropListPath"/>.</summary>
    /// <param name="storage">Where files live.</param>
    /// <param name="signatureFiles">The same signature files the bucket tasks read.</param>
    /// <param name="pairFiles">Every bucket task's pair file.</param>
    /// <param name="dropListPath">The drop list to write (<see cref="DropListFile"/>).</param>
    /// <param name="options">Global step settings.</param>
    /// <param name="cancellationToken">Stops the task; no drop list appears then.</param>
    /// <returns>The dedup statistics.</returns>
    /// <exception cref="InvalidDataException">A signature or pair file is damaged, or a pair refers to a document outside these files.</exception>
    public static Task<DedupStats> ClusterAsync(IStorage storage, IReadOnlyList<string> signatureFiles, IReadOnlyList<string> pairFiles,
        string dropListPath, DedupClusterOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(signatureFiles);
        ArgumentNullException.ThrowIfNull(pairFiles);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return Task.Run(
            () => new Clusterer(storage, SignatureFileSet.Open(storage, signatureFiles), options).RunAsync(pairFiles, dropListPath, cancellationToken),
            cancellationToken);
    }

    /// <summary>Runs the whole global step in this process: <see cref="DedupClusterOptions.MaxDegreeOfParallelism"/> bucket tasks
    /// in parallel, then clustering. The result is the same as the distributed run's for any parallelism.</summary>
    /// <param name="storage">Where files live.</param>
    /// <param name="signatureFiles">Every signature file of the dedup scope.</param>
    /// <param name="workDirectory">Where pair files and temporary runs go; pair files are deleted at the end.</param>
    /// <param name="dropListPath">The drop list to write.</param>
    /// <param name="options">Global step settings.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>The dedup statistics.</returns>
    /// <exception cref="InvalidDataException">A signature file is damaged or the files' MinHash options differ.</exception>
    public static async Task<DedupStats> RunLocalAsync(IStorage storage, IReadOnlyList<string> signatureFiles, string workDirectory,
        string dropListPath, DedupClusterOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        int worldSize = options.MaxDegreeOfParallelism;
        string[] pairFiles = new string[worldSize];
        try
        {
            var tasks = new Task<long>[worldSize];
            for (int rank = 0; rank < worldSize; rank++)
            {
                pairFiles[rank] = storage.Combine(workDirectory, $"pairs-{rank:D5}.bin");
                tasks[rank] = FindCandidatesAsync(storage, signatureFiles, rank, worldSize, pairFiles[rank], workDirectory, options, cancellationToken);
            }

            await Task.WhenAll(tasks).ConfigureAwait(false);
            return await ClusterAsync(storage, signatureFiles, pairFiles, dropListPath, options, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            foreach (string? path in pairFiles)
            {
                if (path is not null)
                {
                    storage.Delete(path);
                }
            }
        }
    }
}
