using CurationPipeline.Training.Loop;

namespace CurationPipeline.Training.Ablation.Internal;

/// <summary>The ablation YAML as written (snake_case keys); unset keys keep the <see cref="AblationOptions"/> defaults.
/// <c>mixes</c> is read separately (each value is a mix file path or an inline mix).</summary>
internal sealed class AblationFile
{
    public string? Tagged { get; set; }

    public string? Output { get; set; }

    public string? Preset { get; set; }

    public List<long>? Seeds { get; set; }

    public long? TrainingTokens { get; set; }

    public long? MixTokens { get; set; }

    public TrainingOptions? Training { get; set; }

    public Dictionary<string, object?>? Mixes { get; set; }
}
