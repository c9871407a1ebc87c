namespace CurationPipeline.Training.Classifiers;

/// <summary>Hyper-parameters of <see cref="TorchHeadTrainer"/>.</summary>
/// <remarks>
/// <list type="table">
/// <listheader><term>Property</term><description>Default</description></listheader>
/// <item><term><see cref="Hidden"/></term><description>0: a linear head; &gt; 0 adds one ReLU layer of that width (FineWeb-Edu's head is linear)</description></item>
/// <item><term><see cref="Epochs"/></term><description>30</description></item>
/// <item><term><see cref="BatchSize"/></term><description>64</description></item>
/// <item><term><see cref="LearningRate"/></term><description>1e-3 (AdamW)</description></item>
/// <item><term><see cref="WeightDecay"/></term><description>1e-2 (AdamW, decoupled)</description></item>
/// <item><term><see cref="Dropout"/></term><description>0.1 on the hidden layer during training</description></item>
/// <item><term><see cref="BalanceClasses"/></term><description><c>true</c>: every class carries the same total weight</description></item>
/// <item><term><see cref="NegativeLabel"/></term><description><c>null</c>: 0/false/neither/negative/no, else the first label</description></item>
/// <item><term><see cref="Seed"/></term><description>1: initialisation, batch order and dropout</description></item>
/// </list>
/// </remarks>
public sealed record TorchHeadOptions
{
    /// <summary>ReLU units of the hidden layer; 0 trains a linear head.</summary>
    public int Hidden { get; init; }

    /// <summary>Passes over the training data.</summary>
    public int Epochs { get; init; } = 30;

    /// <summary>Examples per optimiser step.</summary>
    public int BatchSize { get; init; } = 64;

    /// <summary>AdamW learning rate.</summary>
    public double LearningRate { get; init; } = 1e-3;

    /// <summary>AdamW weight decay.</summary>
    public double WeightDecay { get; init; } = 1e-2;

    /// <summary>Dropout probability after the hidden layer while training.</summary>
    public double Dropout { get; init; } = 0.1;

    /// <summary>Whether classes are re-weighted to equal total weight (classification only).</summary>
    public bool BalanceClasses { get; init; } = true;

    /// <summary>The label whose absence the score measures; <c>null</c> picks one.</summary>
    public string? NegativeLabel { get; init; }

    /// <summary>Seed of initialisation, batch order and dropout.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Checks the values.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range; the parameter name is the property.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(Hidden, nameof(Hidden));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Hidden, 1024, nameof(Hidden));
        ArgumentOutOfRangeException.ThrowIfLessThan(Epochs, 1, nameof(Epochs));
        ArgumentOutOfRangeException.ThrowIfLessThan(BatchSize, 1, nameof(BatchSize));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(LearningRate, nameof(LearningRate));
        ArgumentOutOfRangeException.ThrowIfNegative(WeightDecay, nameof(WeightDecay));
        if (Dropout is < 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Dropout), Dropout, "Dropout must be in [0, 1).");
        }
    }
}
