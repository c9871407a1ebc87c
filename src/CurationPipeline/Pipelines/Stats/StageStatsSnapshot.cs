using System.Text.Json.Serialization;

namespace CurationPipeline.Pipelines.Stats;

/// <summary>A stage's counters as written to <c>stats.json</c>.</summary>
/// <param name="Name">The stage name.</param>
/// <param name="In">Items in.</param>
/// <param name="Out">Items out alive.</param>
/// <param name="DroppedTotal">Items dropped by rules.</param>
/// <param name="ErrorsTotal">Items failed.</param>
/// <param name="Dropped">Dropped per reason.</param>
/// <param name="Errors">Errors per reason.</param>
/// <param name="Seconds">Busy seconds summed over worker threads.</param>
public sealed record StageStatsSnapshot(
    [property: JsonPropertyName("stage")] string Name,
    [property: JsonPropertyName("in")] long In,
    [property: JsonPropertyName("out")] long Out,
    [property: JsonPropertyName("dropped_total")] long DroppedTotal,
    [property: JsonPropertyName("errors_total")] long ErrorsTotal,
    [property: JsonPropertyName("dropped")] IReadOnlyDictionary<string, long> Dropped,
    [property: JsonPropertyName("errors")] IReadOnlyDictionary<string, long> Errors,
    [property: JsonPropertyName("seconds")] double Seconds)
{
    /// <summary>Whether <c>In == Out + DroppedTotal + ErrorsTotal</c>.</summary>
    [JsonIgnore]
    public bool AddsUp => In == Out + DroppedTotal + ErrorsTotal;
}
