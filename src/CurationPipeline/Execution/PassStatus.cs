namespace CurationPipeline.Execution;

/// <summary>One pass's tasks in <see cref="RunStatus"/>.</summary>
/// <param name="Pass">The pass name.</param>
/// <param name="WorldSize">Its number of tasks.</param>
/// <param name="Tasks">Every task, by rank.</param>
public sealed record PassStatus(string Pass, int WorldSize, IReadOnlyList<RunTaskStatus> Tasks)
{
    /// <summary>How many tasks are in <paramref name="state"/>.</summary>
    public int Count(RunTaskState state) => Tasks.Count(t => t.State == state);
}
