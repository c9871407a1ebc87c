using CurationPipeline.Pipelines;

namespace CurationPipeline.Execution;

/// <summary>One task's state in <see cref="RunStatus"/>.</summary>
/// <param name="Task">The task.</param>
/// <param name="State">Where it stands.</param>
/// <param name="Detail">Its Slurm job and state when known (<c>job 12_3 RUNNING</c>), else empty.</param>
/// <param name="LogTail">The last lines of its log when it failed, else empty.</param>
public sealed record RunTaskStatus(PipelineTask Task, RunTaskState State, string Detail, IReadOnlyList<string> LogTail);
