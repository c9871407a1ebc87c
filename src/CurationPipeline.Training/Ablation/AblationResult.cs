namespace CurationPipeline.Training.Ablation;

/// <summary>A finished ablation: one run per mix, all scored on one validation set.</summary>
/// <param name="Preset">The model preset of every run.</param>
/// <param name="Seeds">The training seeds; every mix was trained once per seed.</param>
/// <param name="Steps">Optimizer steps per run.</param>
/// <param name="BatchTokens">Tokens per optimizer step.</param>
/// <param name="Validation">The validation set every run was scored on.</param>
/// <param name="Runs">The runs, in mix order then seed order (the first mix is the reference of the Δ column).</param>
public sealed record AblationResult(string Preset, IReadOnlyList<long> Seeds, int Steps, int BatchTokens, ValidationSetFingerprint Validation,
    IReadOnlyList<AblationRun> Runs);
