using System.Text.Json.Serialization;

namespace CurationPipeline.Execution.Slurm;

/// <summary>One <c>curate slurm</c> submission as <c>slurm/submissions.json</c> records it: which job ran which tasks.</summary>
/// <param name="Submitted">When it was submitted (UTC).</param>
/// <param name="Tasks">The task count it was submitted with.</param>
/// <param name="Passes">Every pass of the run, in run order, with the jobs this submission started for it (none when it was complete).</param>
public sealed record SlurmSubmission(
    [property: JsonPropertyName("submitted")] DateTimeOffset Submitted,
    [property: JsonPropertyName("tasks")] int Tasks,
    [property: JsonPropertyName("passes")] IReadOnlyList<SlurmSubmittedPass> Passes);
