using CurationPipeline.Classifiers.Internal;

namespace CurationPipeline.Classifiers.Training;

/// <summary>Hyper-parameters of <see cref="NgramClassifierTrainer"/>.</summary>
/// <remarks>
/// <list type="table">
/// <listheader><term>Property</term><description>Default</description></listheader>
/// <item><term><see cref="HashBits"/></term><description>20 (2^20 buckets; 18–20 keeps shipped files well under 5 MB)</description></item>
/// <item><term><see cref="Epochs"/></term><description>20 passes over the training set, shuffled with <see cref="Seed"/></description></item>
/// <item><term><see cref="LearningRate"/></term><description>0.2 (AdaGrad)</description></item>
/// <item><term><see cref="L2"/></term><description>1e-6 per step on the touched weights</description></item>
/// <item><term><see cref="BalanceClasses"/></term><description><c>true</c>: each class weighs the same in the loss</description></item>
/// <item><term><see cref="MaxChars"/></term><description>20,000 leading chars of each document are used (training and scoring)</description></item>
/// <item><term><see cref="CharNgramMin"/>, <see cref="CharNgramMax"/></term><description>0, 0: word n-grams only; e.g. 2 and 5 add every char 2- to 5-gram (obfuscated and inflected words)</description></item>
/// <item><term><see cref="CharNgramChars"/></term><description>1,000 leading chars give char n-grams (bounds their cost on long pages)</description></item>
/// <item><term><see cref="CodeLines"/></term><description><c>false</c>: no code-line shape indicators (share and runs of lines that look like code)</description></item>
/// <item><term><see cref="Arithmetic"/></term><description><c>false</c>: no arithmetic indicators (results and worked steps such as <c>48/2 = 24</c>)</description></item>
/// <item><term><see cref="NegativeLabel"/></term><description><c>null</c>: <c>0</c>, <c>false</c>, <c>neither</c>, <c>negative</c> if present, else the first label in ordinal order</description></item>
/// <item><term><see cref="PruneBelow"/></term><description>1e-3: smaller weights are stored as zero (keeps files small)</description></item>
/// <item><term><see cref="Seed"/></term><description>1: the same seed and data give bit-identical weights</description></item>
/// </list>
/// </remarks>
public sealed record NgramTrainingOptions
{
    /// <summary>Number of hash bits (buckets = 2^HashBits).</summary>
    public int HashBits { get; init; } = 20;

    /// <summary>Passes over the training data.</summary>
    public int Epochs { get; init; } = 20;

    /// <summary>AdaGrad learning rate.</summary>
    public double LearningRate { get; init; } = 0.2;

    /// <summary>L2 penalty applied to each weight a step touches.</summary>
    public double L2 { get; init; } = 1e-6;

    /// <summary>Whether classes are re-weighted to equal total weight (binary and multi-class).</summary>
    public bool BalanceClasses { get; init; } = true;

    /// <summary>Leading chars of a document that are featurized.</summary>
    public int MaxChars { get; init; } = 20_000;

    /// <summary>Shortest char n-gram feature; 0 with <see cref="CharNgramMax"/> 0 for none.</summary>
    public int CharNgramMin { get; init; }

    /// <summary>Longest char n-gram feature (at most 8); 0 for word n-grams only.</summary>
    public int CharNgramMax { get; init; }

    /// <summary>Leading chars of a document whose char n-grams are features.</summary>
    public int CharNgramChars { get; init; } = 1_000;

    /// <summary>Whether the code-line shape indicators are features: the longest run, share and count of lines that look like code.</summary>
    public bool CodeLines { get; init; }

    /// <summary>Whether the arithmetic indicators are features: how many lines work a sum (<c>200 – 120 = 80</c>) and how many worked steps there are.</summary>
    public bool Arithmetic { get; init; }

    /// <summary>The label whose absence the score measures; <c>null</c> picks one (see remarks).</summary>
    public string? NegativeLabel { get; init; }

    /// <summary>Weights whose magnitude is below this are stored as zero.</summary>
    public double PruneBelow { get; init; } = 1e-3;

    /// <summary>Seed of the example shuffle.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Checks the values.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range; the parameter name is the property.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(HashBits, 10, nameof(HashBits));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(HashBits, 24, nameof(HashBits));
        ArgumentOutOfRangeException.ThrowIfLessThan(Epochs, 1, nameof(Epochs));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(LearningRate, nameof(LearningRate));
        ArgumentOutOfRangeException.ThrowIfNegative(L2, nameof(L2));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxChars, nameof(MaxChars));
        ArgumentOutOfRangeException.ThrowIfNegative(PruneBelow, nameof(PruneBelow));
        if (CharNgramMax != 0 || CharNgramMin != 0)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(CharNgramMin, 1, nameof(CharNgramMin));
            ArgumentOutOfRangeException.ThrowIfLessThan(CharNgramMax, CharNgramMin, nameof(CharNgramMax));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(CharNgramMax, CharNgramHasher.MaxLength, nameof(CharNgramMax));
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(CharNgramChars, nameof(CharNgramChars));
        }
    }
}
