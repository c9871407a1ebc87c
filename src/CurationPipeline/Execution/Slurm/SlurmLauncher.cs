using CurationPipeline.Pipelines.Layout;
using CurationPipeline.Storage;

namespace CurationPipeline.Execution.Slurm;

/// <summary>
/// Submits a run to Slurm: one job script per pass (an array for the passes split into tasks, split again where the cluster's
/// <c>MaxArraySize</c> is smaller), chained with <c>--dependency=afterok</c>, only for the tasks without a completion marker.
/// </summary>
/// <remarks>
/// A relaunch submits what is incomplete. Jobs of an earlier submission that still run or wait refuse it
/// (<see cref="SlurmRunActiveException"/>); jobs behind a failed dependency never start and leave the queue by themselves
/// (<c>--kill-on-invalid-dep=yes</c>), and one still waiting there (<c>DependencyNeverSatisfied</c>) does not refuse it. Each submission is added to <c>slurm/submissions.json</c>, which <c>curate status</c>
/// reads. The scripts and logs live under <c>OUT/slurm/</c> (<see cref="SlurmLayout"/>), so the output directory must be on a
/// POSIX file system every node mounts.
/// </remarks>
public sealed class SlurmLauncher
{
    private readonly SlurmClient _slurm;
    private readonly IStorage _storage;
    private readonly TimeProvider _time;

    /// <summary>Creates a launcher.</summary>
    /// <param name="slurm">The cluster's commands.</param>
    /// <param name="storage">Where the output directory's completion markers are read.</param>
    /// <param name="time">Stamps the submission record.</param>
    public SlurmLauncher(SlurmClient slurm, IStorage storage, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(slurm);
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(time);
        _slurm = slurm;
        _storage = storage;
        _time = time;
    }

    /// <summary>Plans the run, writes its job scripts and, unless <paramref name="dryRun"/>, submits them.</summary>
    /// <param name="request">The pipeline, output directory and job settings.</param>
    /// <param name="dryRun">Only write the scripts (the cluster's <c>MaxArraySize</c> is asked for; without an answer Slurm's default is assumed).</param>
    /// <param name="cancellationToken">Stops between commands; jobs already submitted stay submitted and recorded.</param>
    /// <returns>The plan and the jobs.</returns>
    /// <exception cref="ArgumentException">The request is invalid.</exception>
    /// <exception cref="WorldSizeMismatchException">The output directory holds tasks of another task count.</exception>
    /// <exception cref="SlurmRunActiveException">Jobs of an earlier submission still run or wait.</exception>
    /// <exception cref="SlurmCommandException">A Slurm command failed.</exception>
    /// <exception cref="CommandNotFoundException">Slurm's commands are not installed (a dry run needs none).</exception>
    public async Task<SlurmLaunchResult> LaunchAsync(SlurmRunRequest request, bool dryRun, CancellationToken cancellationToken)
    {
        var writer = new SlurmScriptWriter(request);
        IReadOnlyList<SlurmPassPlan> plans = SlurmRunPlanner.Plan(_storage, request.OutputDirectory, request.Pipeline, request.Slurm.Tasks);
        if (plans.All(p => p.IsComplete))
        {
            return new SlurmLaunchResult(plans, []);
        }

        if (!dryRun)
        {
            await RefuseIfActiveAsync(request.OutputDirectory, cancellationToken).ConfigureAwait(false);
        }

        int maxArraySize = await MaxArraySizeAsync(dryRun, cancellationToken).ConfigureAwait(false);
        string folder = SlurmLayout.FolderOf(request.OutputDirectory);
        Directory.CreateDirectory(SlurmLayout.LogsOf(request.OutputDirectory));
        var jobs = new List<(SlurmJob Job, string? JobId, IReadOnlyList<SlurmJob> AfterOk)>();
        List<SlurmJob> previous = [];
        foreach (SlurmPassPlan plan in plans.Where(p => !p.IsComplete))
        {
            List<SlurmJob> current = [.. Split(plan, maxArraySize, folder)];
            foreach (SlurmJob job in current)
            {
                await StorageText.WriteAtomicAsync(_storage, job.ScriptPath, writer.Write(job), cancellationToken).ConfigureAwait(false);
                jobs.Add((job, null, previous));
            }

            previous = current;
        }

        if (dryRun)
        {
            return new SlurmLaunchResult(plans, jobs);
        }

        var ids = new Dictionary<SlurmJob, string>(ReferenceEqualityComparer.Instance);
        try
        {
            for (int i = 0; i < jobs.Count; i++)
            {
                (SlurmJob job, _, IReadOnlyList<SlurmJob> afterOk) = jobs[i];
                string id = await _slurm.SubmitAsync(job.ScriptPath, [.. afterOk.Select(j => ids[j])], cancellationToken).ConfigureAwait(false);
                ids[job] = id;
                jobs[i] = (job, id, afterOk);
            }
        }
        finally
        {
            await RecordAsync(request, plans, ids).ConfigureAwait(false);
        }

        return new SlurmLaunchResult(plans, jobs);
    }

    /// <summary>The jobs of a pass: one single job, or one array per <paramref name="maxArraySize"/> ranks that have pending tasks.</summary>
    internal static IEnumerable<SlurmJob> Split(SlurmPassPlan plan, int maxArraySize, string folder)
    {
        if (!plan.IsArray)
        {
            yield return new SlurmJob(plan, null, 0, [0], Path.Combine(folder, SlurmLayout.ScriptName(plan.Pass.Name, null)));
            yield break;
        }

        bool split = plan.WorldSize > maxArraySize;
        foreach (IGrouping<int, int> part in plan.PendingRanks.GroupBy(rank => rank / maxArraySize))
        {
            yield return new SlurmJob(plan, split ? part.Key : null, part.Key * maxArraySize, [.. part],
                Path.Combine(folder, SlurmLayout.ScriptName(plan.Pass.Name, split ? part.Key : null)));
        }
    }

    private async Task<int> MaxArraySizeAsync(bool dryRun, CancellationToken cancellationToken)
    {
        try
        {
            return await _slurm.MaxArraySizeAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (dryRun && e is CommandNotFoundException or SlurmCommandException)
        {
            return SlurmClient.DefaultMaxArraySize;
        }
    }

    private async Task RefuseIfActiveAsync(string outputDirectory, CancellationToken cancellationToken)
    {
        HashSet<string> earlier = [.. SlurmSubmissionLog.Read(outputDirectory).SelectMany(s => s.Passes).SelectMany(p => p.Jobs).Select(j => j.JobId)];
        if (earlier.Count == 0)
        {
            return;
        }

        string[] active = [.. (await _slurm.QueueAsync(cancellationToken).ConfigureAwait(false))
            .Where(s => earlier.Contains(s.JobId) && s.IsActive).Select(s => s.JobId).Distinct().Order(StringComparer.Ordinal)];
        if (active.Length > 0)
        {
            throw new SlurmRunActiveException(outputDirectory, active);
        }
    }

    private async Task RecordAsync(SlurmRunRequest request, IReadOnlyList<SlurmPassPlan> plans, Dictionary<SlurmJob, string> ids)
    {
        if (ids.Count == 0)
        {
            return;
        }

        SlurmSubmittedPass[] passes = [.. plans.Select(plan => new SlurmSubmittedPass(plan.Pass.Name, plan.WorldSize, plan.IsArray,
            [.. ids.Where(p => ReferenceEquals(p.Key.Plan, plan)).Select(p => new SlurmSubmittedJob(p.Value, p.Key.RankOffset, p.Key.Ranks, Path.GetFileName(p.Key.ScriptPath)))]))];
        await SlurmSubmissionLog.AppendAsync(request.OutputDirectory, new SlurmSubmission(_time.GetUtcNow(), request.Slurm.Tasks, passes), CancellationToken.None).ConfigureAwait(false);
    }
}
