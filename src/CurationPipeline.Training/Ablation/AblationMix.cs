using CurationPipeline.Mixing;

namespace CurationPipeline.Training.Ablation;

/// <summary>One arm of an ablation: a named mix of the tagged data.</summary>
/// <param name="Name">The arm's name: its row in the table, its curve in the plot, its folder under <c>mixes/</c> and <c>runs/</c>.</param>
/// <param name="Options">The mix; <see cref="MixOptions.Name"/> is replaced by <paramref name="Name"/> when the mix is built.</param>
public sealed record AblationMix(string Name, MixOptions Options);
