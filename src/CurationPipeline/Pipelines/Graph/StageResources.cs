namespace CurationPipeline.Pipelines.Graph;

/// <summary>What a stage asks of the graph: how many documents it takes per call and how many calls may run at once.</summary>
/// <param name="BatchSize">Documents per call; 1 for a per-document stage. The graph collects up to this many live documents
/// for an <see cref="IBatchPipelineStage"/> (fewer at the end of the input).</param>
/// <param name="MaxParallelCalls">Calls the graph runs at once; 0 for the pipeline's worker count. A stage that spreads one
/// call over several threads itself (an ONNX session with intra-op threads) asks for fewer.</param>
/// <param name="UsesGpu">Whether a call runs on a GPU, so the graph (and a scheduler) must not overcommit it.</param>
public sealed record StageResources(int BatchSize = 1, int MaxParallelCalls = 0, bool UsesGpu = false)
{
    /// <summary>One document per call, as many calls as the pipeline has workers, CPU only.</summary>
    public static StageResources PerDocument { get; } = new();

    /// <summary>The calls the graph runs at once given the pipeline's <paramref name="workers"/>.</summary>
    public int ParallelCalls(int workers) => MaxParallelCalls > 0 ? Math.Min(MaxParallelCalls, workers) : workers;
}
