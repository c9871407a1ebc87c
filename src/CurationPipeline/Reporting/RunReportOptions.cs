using CurationPipeline.Pipelines.Configuration;

namespace CurationPipeline.Reporting;

/// <summary>What a report adds to what the output directory holds.</summary>
public sealed record RunReportOptions
{
    /// <summary>A <c>curate train</c> or <c>curate ablate</c> output directory (local): its <c>metrics.jsonl</c> files and ablation
    /// table; <c>null</c>: <c>OUT/training</c> when it exists.</summary>
    public string? TrainingDirectory { get; init; }

    /// <summary>The filters' thresholds by annotated column, marked on the signal histograms beside the mix's.</summary>
    public IReadOnlyList<(string Column, double Value)> FilterThresholds { get; init; } = [];

    /// <summary>Options with the thresholds of the filters <paramref name="pipeline"/> configures.</summary>
    /// <param name="pipeline">The pipeline the run was made with.</param>
    /// <param name="trainingDirectory">See <see cref="TrainingDirectory"/>.</param>
    /// <returns>The options.</returns>
    public static RunReportOptions ForPipeline(PipelineOptions pipeline, string? trainingDirectory)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        return new RunReportOptions
        {
            TrainingDirectory = trainingDirectory,
            FilterThresholds = [.. pipeline.Filters.Where(f => f.Options is not null).SelectMany(f => f.Definition.Thresholds(f.Options!))],
        };
    }
}
