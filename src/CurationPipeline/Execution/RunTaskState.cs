namespace CurationPipeline.Execution;

/// <summary>Where one task of a run stands, as <c>curate status</c> reports it.</summary>
public enum RunTaskState
{
    /// <summary>Its completion marker exists.</summary>
    Done,

    /// <summary>Slurm runs it.</summary>
    Running,

    /// <summary>Slurm has it queued.</summary>
    Queued,

    /// <summary>It started and ended without its completion marker (its job is gone from the queue, or accounting says it failed).</summary>
    Failed,

    /// <summary>It started and has no marker, and no Slurm job is known for it: running or interrupted (a local run cannot tell).</summary>
    Unfinished,

    /// <summary>No sign of it: not submitted, or its job never started (a failed dependency).</summary>
    NotStarted,
}
