using System.Text.Json.Serialization;

namespace CurationPipeline.Execution.Slurm;

/// <summary>A job of a <see cref="SlurmSubmittedPass"/>.</summary>
/// <param name="JobId">Slurm's job id.</param>
/// <param name="RankOffset">The rank of array index 0.</param>
/// <param name="Ranks">The ranks it runs.</param>
/// <param name="Script">Its script's file name inside <c>slurm/</c>.</param>
public sealed record SlurmSubmittedJob(
    [property: JsonPropertyName("job_id")] string JobId,
    [property: JsonPropertyName("rank_offset")] int RankOffset,
    [property: JsonPropertyName("ranks")] IReadOnlyList<int> Ranks,
    [property: JsonPropertyName("script")] string Script);
