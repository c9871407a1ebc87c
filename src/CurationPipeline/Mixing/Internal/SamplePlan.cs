namespace CurationPipeline.Mixing.Internal;

/// <summary>Per catalog entry: how many training copies to write, or whether it is a validation document.</summary>
internal sealed class SamplePlan
{
    /// <summary>Marks a validation document in <see cref="Copies"/>.</summary>
    public const byte Validation = byte.MaxValue;

    public required byte[] Copies { get; init; }

    public required IReadOnlyList<DomainPlan> Domains { get; init; }

    public required long BudgetTokens { get; init; }

    public long PlannedTokens
    {
        get
        {
            long sum = 0;
            foreach (DomainPlan domain in Domains)
            {
                sum += domain.PlannedTokens;
            }

            return sum;
        }
    }
}
