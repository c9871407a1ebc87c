using CurationPipeline.Training.Ablation.Internal;
using CurationPipeline.Training.Loop;
using CurationPipeline.Training.Model;

namespace CurationPipeline.Training.Ablation;

/// <summary>A mix-ratio ablation: one tagged directory, several mixes, one model shape, one training recipe and one token
/// budget, so that the only difference between the runs is the mix (an ablation YAML file).</summary>
/// <remarks>
/// <list type="table">
/// <listheader><term>Property</term><description>Default</description></listheader>
/// <item><term><see cref="TaggedDirectory"/></term><description>required</description></item>
/// <item><term><see cref="OutputDirectory"/></term><description>required</description></item>
/// <item><term><see cref="Mixes"/></term><description>required, at least two, unique names</description></item>
/// <item><term><see cref="Preset"/></term><description><c>tiny</c></description></item>
/// <item><term><see cref="Seeds"/></term><description>one: <see cref="TrainingOptions.Seed"/> (1337)</description></item>
/// <item><term><see cref="TrainingTokens"/></term><description>1,048,576</description></item>
/// <item><term><see cref="MixTokens"/></term><description>none: each mix keeps its own <c>total_tokens</c></description></item>
/// <item><term><see cref="Training"/></term><description><see cref="TrainingOptions"/> defaults (its <c>MaxSteps</c> and <c>Seed</c> are replaced)</description></item>
/// </list>
/// Every mix must hold out the same validation set: the mixer chooses it from the filters, the dedup drop list, the domain rules,
/// the default domain and the validation budget (never from the shares or the seed), so those must be identical across mixes.
/// </remarks>
public sealed record AblationOptions
{
    /// <summary>The output directory of <c>curate run</c> (with <c>annotated/</c> and <c>tokenized/</c>).</summary>
    public required string TaggedDirectory { get; init; }

    /// <summary>Where the mixes (<c>mixes/NAME</c>), the runs (<c>runs/NAME</c>) and the results go.</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>The arms, in table order; the first is the reference of the Δ column.</summary>
    public required IReadOnlyList<AblationMix> Mixes { get; init; }

    /// <summary>The model preset (see <see cref="GptOptions.PresetNames"/>), the same for every run.</summary>
    public string Preset { get; init; } = "tiny";

    /// <summary>The training seeds: every mix is trained once per seed (model initialisation and data order), so the table can
    /// give each mix's mean ± standard deviation over seeds; empty uses <see cref="TrainingOptions.Seed"/> of <see cref="Training"/>.</summary>
    public IReadOnlyList<long> Seeds { get; init; } = [];

    /// <summary>Training tokens per run; the number of optimizer steps is this divided by <see cref="TrainingOptions.BatchTokens"/>.</summary>
    public long TrainingTokens { get; init; } = 1L << 20;

    /// <summary>When set, replaces every mix's <c>total_tokens</c>, so every arm is sampled to the same training-set size.</summary>
    public long? MixTokens { get; init; }

    /// <summary>The training recipe shared by every run; <see cref="TrainingOptions.MaxSteps"/> is derived from
    /// <see cref="TrainingTokens"/> and <see cref="TrainingOptions.Seed"/> is replaced by each of <see cref="Seeds"/>.</summary>
    public TrainingOptions Training { get; init; } = new();

    /// <summary>The optimizer steps of each run: <see cref="TrainingTokens"/> / <see cref="TrainingOptions.BatchTokens"/>.</summary>
    public int Steps => (int)Math.Min(int.MaxValue, TrainingTokens / Training.BatchTokens);

    /// <summary>The seeds every mix is trained with: <see cref="Seeds"/>, or the recipe's seed when none are given.</summary>
    public IReadOnlyList<long> EffectiveSeeds => Seeds.Count > 0 ? Seeds : [Training.Seed];

    /// <summary>Checks every value, and that every mix holds out the same validation set.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range, or two mixes would hold out different validation
    /// sets; the parameter name is the property and the message names the mixes and the differing keys.</exception>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(TaggedDirectory))
        {
            throw new ArgumentOutOfRangeException(nameof(TaggedDirectory), TaggedDirectory, "The tagged directory is required.");
        }

        if (string.IsNullOrWhiteSpace(OutputDirectory))
        {
            throw new ArgumentOutOfRangeException(nameof(OutputDirectory), OutputDirectory, "The output directory is required.");
        }

        if (!GptOptions.PresetNames.Contains(Preset, StringComparer.OrdinalIgnoreCase))
        {
            throw new ArgumentOutOfRangeException(nameof(Preset), Preset, "Known presets: " + string.Join(", ", GptOptions.PresetNames) + ".");
        }

        if (MixTokens is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MixTokens), MixTokens, "Must be 0 (the largest the data allows) or more.");
        }

        Training.Validate();
        if (TrainingTokens < Training.BatchTokens)
        {
            throw new ArgumentOutOfRangeException(nameof(TrainingTokens), TrainingTokens, $"Must be at least one batch ({Training.BatchTokens} tokens).");
        }

        if (Training.BatchStages.Length > 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Training), "Batch stages are not supported in an ablation: the steps are derived from a fixed batch.");
        }

        if (Seeds.Distinct().Count() != Seeds.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(Seeds), string.Join(", ", Seeds), "Seeds must be distinct.");
        }

        ValidateMixes();
    }

    private void ValidateMixes()
    {
        if (Mixes is null || Mixes.Count < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(Mixes), Mixes?.Count ?? 0, "An ablation needs at least two mixes.");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (AblationMix mix in Mixes)
        {
            if (string.IsNullOrWhiteSpace(mix.Name) || mix.Name.AsSpan().IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || mix.Name is "." or "..")
            {
                throw new ArgumentOutOfRangeException(nameof(Mixes), mix.Name, "A mix name must be a non-empty file name.");
            }

            if (!names.Add(mix.Name))
            {
                throw new ArgumentOutOfRangeException(nameof(Mixes), mix.Name, $"Mix '{mix.Name}' appears twice.");
            }

            mix.Options.Validate();
        }

        var reference = new ValidationSetKey(Mixes[0].Options);
        for (int i = 1; i < Mixes.Count; i++)
        {
            IReadOnlyList<string> differing = reference.Differences(new ValidationSetKey(Mixes[i].Options));
            if (differing.Count > 0)
            {
                throw new ArgumentOutOfRangeException(nameof(Mixes),
                    $"Mixes '{Mixes[0].Name}' and '{Mixes[i].Name}' would hold out different validation sets: their {string.Join(", ", differing)} differ. "
                    + $"Every mix of an ablation needs the same {string.Join(", ", ValidationSetKey.Keys)}, so all runs are scored on the same tokens.");
            }
        }
    }
}
