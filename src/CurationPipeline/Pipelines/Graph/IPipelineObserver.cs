using CurationPipeline.Pipelines.Stats;
namespace CurationPipeline.Pipelines.Graph;

/// <summary>Receives task boundaries so a front end can show live progress from the task's counters.</summary>
/// <remarks>Called on the runner's thread; implementations must return quickly.</remarks>
public interface IPipelineObserver
{
    /// <summary>A task starts; <paramref name="stats"/> is updated live while it runs.</summary>
    void TaskStarted(PipelineTask task, int inputFiles, PipelineStats stats);

    /// <summary>A task ended successfully with <paramref name="report"/>.</summary>
    void TaskFinished(PipelineTask task, StatsReport report);
}
