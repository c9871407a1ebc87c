using System.Globalization;
using System.Text.Json;
using CurationPipeline.Execution.Slurm;
using CurationPipeline.Mixing;
using CurationPipeline.Pipelines;
using CurationPipeline.Pipelines.Graph;
using CurationPipeline.Pipelines.Layout;
using CurationPipeline.Pipelines.Layout.Internal;
using CurationPipeline.Pipelines.Stats;
using CurationPipeline.Reporting;
using CurationPipeline.Storage;

namespace CurationPipeline.Execution;

/// <summary>
/// Reads where a run stands from its output directory: completion markers, per-task stats and progress files, the Slurm
/// submission record and task logs, and Slurm's own view (<c>squeue</c>, and <c>sacct</c> where accounting is kept).
/// </summary>
/// <remarks>
/// The passes and their task counts come from the latest <c>curate slurm</c> submission; for a run never submitted, from the
/// markers and progress files found. A task is <see cref="RunTaskState.Done"/> when its marker exists,
/// <see cref="RunTaskState.Running"/> or <see cref="RunTaskState.Queued"/> as <c>squeue</c> says, and
/// <see cref="RunTaskState.Failed"/> when accounting says so or when it started (its log exists) and its job has left the queue
/// without a marker: that needs no accounting, which many clusters (and a single-node Slurm) do not keep.
/// </remarks>
public sealed class RunStatusReader
{
    /// <summary>How many log lines a failed task reports.</summary>
    public const int LogTailLines = 12;

    private readonly IStorage _storage;
    private readonly SlurmClient? _slurm;

    /// <summary>Creates a reader.</summary>
    /// <param name="storage">Where the output directory lives.</param>
    /// <param name="slurm">Asks Slurm for its jobs' states, or <c>null</c> to read the files alone.</param>
    public RunStatusReader(IStorage storage, SlurmClient? slurm)
    {
        ArgumentNullException.ThrowIfNull(storage);
        _storage = storage;
        _slurm = slurm;
    }

    /// <summary>Reads the status of the run in <paramref name="outputDirectory"/>.</summary>
    /// <exception cref="DirectoryNotFoundException">The directory does not exist.</exception>
    /// <exception cref="SlurmCommandException"><c>squeue</c> failed.</exception>
    public async Task<RunStatus> ReadAsync(string outputDirectory, CancellationToken cancellationToken)
    {
        // Blob storage has no folders to test; a run there that wrote nothing yet shows no tasks.
        if (!RoutingStorage.IsRemote(outputDirectory) && !Directory.Exists(outputDirectory))
        {
            throw new DirectoryNotFoundException($"Output directory '{outputDirectory}' does not exist.");
        }

        IReadOnlyList<SlurmSubmission> submissions = SlurmSubmissionLog.Read(outputDirectory);
        IReadOnlyList<(string Pass, int WorldSize, bool IsArray)> passes = submissions.Count > 0
            ? [.. submissions[^1].Passes.Select(p => (p.Pass, p.WorldSize, p.IsArray))]
            : InferPasses(outputDirectory);
        Dictionary<(string, int), (string JobId, int? Index)> jobs = JobsByTask(submissions);
        var notes = new List<string>();
        Dictionary<(string, int?), SlurmJobState> slurm = await SlurmStatesAsync(jobs.Values.Select(j => j.JobId).ToHashSet(), notes, cancellationToken).ConfigureAwait(false);

        var result = new List<PassStatus>();
        foreach ((string pass, int worldSize, bool isArray) in passes)
        {
            var tasks = new List<RunTaskStatus>();
            for (int rank = 0; rank < worldSize; rank++)
            {
                var task = new PipelineTask(pass, rank, worldSize);
                tasks.Add(StatusOf(outputDirectory, task, isArray, jobs.TryGetValue((pass, rank), out var job) ? job : null, slurm));
            }

            result.Add(new PassStatus(pass, worldSize, tasks));
        }

        (long documents, long tokens) = await TagOutputAsync(outputDirectory, result, cancellationToken).ConfigureAwait(false);
        string mixReport = CompletionMarker.PathOf(_storage, outputDirectory, new PipelineTask(PassRegistry.Mix, 0, 1));
        long? mixTokens = _storage.Exists(mixReport) ? (await MixReport.ReadAsync(_storage, mixReport, cancellationToken).ConfigureAwait(false)).TrainTokens : null;
        return new RunStatus(outputDirectory, result, documents, tokens, mixTokens, notes);
    }

    private RunTaskStatus StatusOf(string outputDirectory, PipelineTask task, bool isArray, (string JobId, int? Index)? job, Dictionary<(string, int?), SlurmJobState> slurm)
    {
        if (_storage.Exists(CompletionMarker.PathOf(_storage, outputDirectory, task)))
        {
            return new RunTaskStatus(task, RunTaskState.Done, "", []);
        }

        string log = Path.Combine(SlurmLayout.LogsOf(outputDirectory), SlurmLayout.LogName(task, isArray));
        bool started = File.Exists(log) || _storage.Exists(_storage.Combine(outputDirectory, OutputLayout.Progress, task.Stem + ".json"));
        if (job is not { } j)
        {
            return new RunTaskStatus(task, started ? RunTaskState.Unfinished : RunTaskState.NotStarted, "", []);
        }

        string name = j.Index is { } index ? $"{j.JobId}_{index}" : j.JobId;
        if (slurm.TryGetValue((j.JobId, j.Index), out SlurmJobState? state))
        {
            string detail = $"job {name} {state.State}{(state.Reason is "" or "None" ? "" : $" ({state.Reason})")}";
            if (state.IsFailed)
            {
                return new RunTaskStatus(task, RunTaskState.Failed, detail, Tail(log));
            }

            if (state.IsActive || state.IsStuck)
            {
                RunTaskState s = state.IsStuck ? RunTaskState.NotStarted : state.State == SlurmJobState.Pending ? RunTaskState.Queued : RunTaskState.Running;
                return new RunTaskStatus(task, s, detail, []);
            }
        }

        return started
            ? new RunTaskStatus(task, RunTaskState.Failed, $"job {name} ended without a completion marker", Tail(log))
            : new RunTaskStatus(task, RunTaskState.NotStarted, $"job {name} never started", []);
    }

    /// <summary>The latest job of every task that was submitted.</summary>
    private static Dictionary<(string, int), (string JobId, int? Index)> JobsByTask(IReadOnlyList<SlurmSubmission> submissions)
    {
        var jobs = new Dictionary<(string, int), (string, int?)>();
        foreach (SlurmSubmittedPass pass in submissions.SelectMany(s => s.Passes))
        {
            foreach (SlurmSubmittedJob job in pass.Jobs)
            {
                foreach (int rank in job.Ranks)
                {
                    jobs[(pass.Pass, rank)] = (job.JobId, pass.IsArray ? rank - job.RankOffset : null);
                }
            }
        }

        return jobs;
    }

    private async Task<Dictionary<(string, int?), SlurmJobState>> SlurmStatesAsync(HashSet<string> jobIds, List<string> notes, CancellationToken cancellationToken)
    {
        var states = new Dictionary<(string, int?), SlurmJobState>();
        if (jobIds.Count == 0 || _slurm is null)
        {
            return states;
        }

        try
        {
            foreach (SlurmJobState state in await _slurm.AccountingAsync(jobIds, cancellationToken).ConfigureAwait(false) ?? [])
            {
                states[(state.JobId, state.ArrayIndex)] = state;
            }
        }
        catch (CommandNotFoundException e)
        {
            notes.Add($"{e.Command} not found: a failed task is one that started (its log exists) and left the queue without a completion marker.");
        }

        try
        {
            foreach (SlurmJobState state in (await _slurm.QueueAsync(cancellationToken).ConfigureAwait(false)).Where(s => jobIds.Contains(s.JobId)))
            {
                states[(state.JobId, state.ArrayIndex)] = state; // the queue is the latest word on a job still in it
            }
        }
        catch (CommandNotFoundException e)
        {
            notes.Add($"{e.Command} not found: Slurm's view is missing; the states come from the output directory alone.");
        }

        return states;
    }

    /// <summary>Documents and tokens the tag tasks wrote: complete tasks from their stats, the others from their progress files.</summary>
    private async Task<(long Documents, long Tokens)> TagOutputAsync(string outputDirectory, List<PassStatus> passes, CancellationToken cancellationToken)
    {
        long documents = 0, tokens = 0;
        foreach (RunTaskStatus task in passes.Where(p => p.Pass == PassRegistry.Tag).SelectMany(p => p.Tasks))
        {
            string stats = _storage.Combine(outputDirectory, OutputLayout.Stats, task.Task.Stem + ".json");
            string progress = _storage.Combine(outputDirectory, OutputLayout.Progress, task.Task.Stem + ".json");
            if (task.State == RunTaskState.Done && _storage.Exists(stats))
            {
                StatsReport report = await StatsReport.ReadAsync(_storage, stats, cancellationToken).ConfigureAwait(false);
                documents += report.Stages.FirstOrDefault(s => s.Name == TagPass.WriteStage)?.Out ?? 0;
                tokens += report.Tokens;
            }
            else if (task.State != RunTaskState.Failed && _storage.Exists(progress))
            {
                await using Stream stream = _storage.OpenRead(progress);
                ProgressSnapshot? snapshot = await JsonSerializer.DeserializeAsync<ProgressSnapshot>(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
                documents += snapshot?.Kept ?? 0;
                tokens += snapshot?.Tokens ?? 0;
            }
        }

        return (documents, tokens);
    }

    /// <summary>Passes and task counts of a run never submitted to Slurm: from the markers and progress files found.</summary>
    private List<(string Pass, int WorldSize, bool IsArray)> InferPasses(string outputDirectory)
    {
        var passes = new List<(string, int, bool)>();
        foreach (PassInfo pass in PassRegistry.All)
        {
            bool isArray = SlurmRunPlanner.IsArray(pass);
            if (!isArray)
            {
                if (_storage.Exists(CompletionMarker.PathOf(_storage, outputDirectory, new PipelineTask(pass.Name, 0, 1))))
                {
                    passes.Add((pass.Name, 1, false));
                }

                continue;
            }

            IEnumerable<string> firstLines = _storage.List(_storage.Combine(outputDirectory, OutputLayout.Completions, pass.Name + "-*")).Select(FirstLine)
                .Concat(_storage.List(_storage.Combine(outputDirectory, OutputLayout.Progress, pass.Name + "-*.json")).Select(ProgressTask));
            int? worldSize = firstLines.Select(WorldSizeOf).FirstOrDefault(w => w is not null);
            if (worldSize is { } size)
            {
                passes.Add((pass.Name, size, true));
            }
        }

        return passes;
    }

    private string FirstLine(string path)
    {
        using var reader = new StreamReader(_storage.OpenRead(path));
        return reader.ReadLine() ?? "";
    }

    private string ProgressTask(string path)
    {
        using Stream stream = _storage.OpenRead(path);
        return JsonSerializer.Deserialize<ProgressSnapshot>(stream)?.Task ?? "";
    }

    /// <summary>The world size of a task written <c>pass/rank/world_size</c>.</summary>
    private static int? WorldSizeOf(string task)
    {
        int slash = task.LastIndexOf('/');
        return slash > 0 && int.TryParse(task.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int size) && size > 0 ? size : null;
    }

    private static IReadOnlyList<string> Tail(string log)
    {
        if (!File.Exists(log))
        {
            return [];
        }

        var lines = new Queue<string>(LogTailLines);
        foreach (string line in File.ReadLines(log))
        {
            if (lines.Count == LogTailLines)
            {
                lines.Dequeue();
            }

            lines.Enqueue(line);
        }

        return [.. lines];
    }
}
