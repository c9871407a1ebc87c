namespace CurationPipeline.Pipelines;

/// <summary>A pass failed for a reason beyond one document (a sink or reader failure); the message names the stage.</summary>
public sealed class PipelineStageException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="stage">The stage that failed.</param>
    /// <param name="inner">The cause.</param>
    public PipelineStageException(string stage, Exception inner)
        : base($"Stage '{stage}' failed: {inner.Message}", inner) => Stage = stage;

    /// <summary>The stage that failed.</summary>
    public string Stage { get; }
}
