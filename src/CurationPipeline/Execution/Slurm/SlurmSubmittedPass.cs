using System.Text.Json.Serialization;

namespace CurationPipeline.Execution.Slurm;

/// <summary>A pass of a <see cref="SlurmSubmission"/>.</summary>
/// <param name="Pass">The pass name.</param>
/// <param name="WorldSize">Its number of tasks.</param>
/// <param name="IsArray">Whether it runs as an array (one element per rank).</param>
/// <param name="Jobs">The jobs submitted for it.</param>
public sealed record SlurmSubmittedPass(
    [property: JsonPropertyName("pass")] string Pass,
    [property: JsonPropertyName("world_size")] int WorldSize,
    [property: JsonPropertyName("is_array")] bool IsArray,
    [property: JsonPropertyName("jobs")] IReadOnlyList<SlurmSubmittedJob> Jobs);
