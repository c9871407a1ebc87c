using CurationPipeline.Classifiers.Training.Internal;
namespace CurationPipeline.Classifiers.Training;

/// <summary>Hyper-parameters of <see cref="EmbeddingHeadTrainer"/>.</summary>
/// <remarks>
/// <list type="table">
/// <listheader><term>Property</term><description>Default</description></listheader>
/// <item><term><see cref="Epochs"/></term><description>60 passes, shuffled with <see cref="Seed"/></description></item>
/// <item><term><see cref="LearningRate"/></term><description>0.05 (AdaGrad)</description></item>
/// <item><term><see cref="L2"/></term><description>1e-4</description></item>
/// <item><term><see cref="BalanceClasses"/></term><description><c>true</c></description></item>
/// <item><term><see cref="NegativeLabel"/></term><description>as <see cref="NgramTrainingOptions.NegativeLabel"/></description></item>
/// <item><term><see cref="Seed"/></term><description>1</description></item>
/// </list>
/// </remarks>
public sealed record EmbeddingHeadOptions
{
    /// <summary>Passes over the training data.</summary>
    public int Epochs { get; init; } = 60;

    /// <summary>AdaGrad learning rate.</summary>
    public double LearningRate { get; init; } = 0.05;

    /// <summary>L2 penalty per step.</summary>
    public double L2 { get; init; } = 1e-4;

    /// <summary>Whether classes are re-weighted to equal total weight.</summary>
    public bool BalanceClasses { get; init; } = true;

    /// <summary>The label whose absence the score measures; <c>null</c> picks one.</summary>
    public string? NegativeLabel { get; init; }

    /// <summary>Seed of the example shuffle.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Checks the values.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range; the parameter name is the property.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Epochs, 1, nameof(Epochs));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(LearningRate, nameof(LearningRate));
        ArgumentOutOfRangeException.ThrowIfNegative(L2, nameof(L2));
    }
}
