namespace CurationPipeline.Classifiers.Training;

/// <summary>How <see cref="ClassifierTraining"/> splits, tunes and evaluates a model.</summary>
/// <remarks>
/// <list type="table">
/// <listheader><term>Property</term><description>Default</description></listheader>
/// <item><term><see cref="TestFraction"/></term><description>0.2 held out, never seen by training or threshold tuning</description></item>
/// <item><term><see cref="ValidationFraction"/></term><description>0.1 used only to choose the decision threshold</description></item>
/// <item><term><see cref="SplitSeed"/></term><description>7: the per-label (stratified) shuffle of the split</description></item>
/// <item><term><see cref="MinPrecision"/></term><description><c>null</c>: the threshold maximises F1; set, it maximises recall at this precision</description></item>
/// <item><term><see cref="Threshold"/></term><description><c>null</c>: chosen on the validation split; set, used as is (e.g. one chosen on out-of-source predictions)</description></item>
/// <item><term><see cref="ThresholdFromOtherSources"/></term><description><c>false</c>; <c>true</c>: with labelled sources, the threshold is chosen on the leave-one-source-out predictions</description></item>
/// <item><term><see cref="CeilingPrecision"/></term><description><c>null</c>: leave-one-source-out rows carry no oracle-threshold ceiling</description></item>
/// <item><term><see cref="TargetThreshold"/></term><description>3: regression targets at or above it are positives (FineWeb-Edu keeps ≥ 3)</description></item>
/// </list>
/// </remarks>
public sealed record ClassifierTrainingOptions
{
    /// <summary>Share of examples held out for the reported metrics.</summary>
    public double TestFraction { get; init; } = 0.2;

    /// <summary>Share of examples used to choose the threshold.</summary>
    public double ValidationFraction { get; init; } = 0.1;

    /// <summary>Seed of the split.</summary>
    public int SplitSeed { get; init; } = 7;

    /// <summary>Precision floor for the threshold choice, or <c>null</c> for best F1.</summary>
    public double? MinPrecision { get; init; }

    /// <summary>A fixed decision threshold, or <c>null</c> to choose it on the validation split.</summary>
    public double? Threshold { get; init; }

    /// <summary>
    /// Whether leave-one-source-out runs choose thresholds on out-of-source predictions: each fold's on the left-out
    /// predictions of the other training sources (each scored by the model that did not see it), and the shipped model's
    /// on those of every training source (the best worst-source F1; with <see cref="MinPrecision"/>, or sources of one class, the pooled rule).
    /// </summary>
    public bool ThresholdFromOtherSources { get; init; }

    /// <summary>
    /// The precision floor of the oracle-threshold ceiling (<see cref="ThresholdCeiling"/>) that leave-one-source-out rows then carry
    /// (the best F1 and the best recall at this precision, each threshold chosen on the left-out source itself), or <c>null</c> for none.
    /// </summary>
    public double? CeilingPrecision { get; init; }

    /// <summary>Regression only: targets at or above this are positives.</summary>
    public double TargetThreshold { get; init; } = 3;

    /// <summary>Hyper-parameters of the n-gram model.</summary>
    public NgramTrainingOptions Ngram { get; init; } = new();

    /// <summary>Checks the values.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range; the parameter name is the property.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(TestFraction, nameof(TestFraction));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ValidationFraction, nameof(ValidationFraction));
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(TestFraction + ValidationFraction, 0.9, nameof(ValidationFraction));
        if (MinPrecision is { } p)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(p, nameof(MinPrecision));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(p, 1, nameof(MinPrecision));
        }

        if (CeilingPrecision is { } ceiling)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ceiling, nameof(CeilingPrecision));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(ceiling, 1, nameof(CeilingPrecision));
        }

        Ngram.Validate();
    }
}
