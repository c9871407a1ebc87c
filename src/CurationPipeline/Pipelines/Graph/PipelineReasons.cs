namespace CurationPipeline.Pipelines.Graph;

/// <summary>Reason codes the pipeline itself (not a stage) assigns.</summary>
public static class PipelineReasons
{
    /// <summary>An input file could not be read at all, or its reader failed part-way (the records before the failure are kept).</summary>
    public const string FileFailed = "read.file_failed";
}
