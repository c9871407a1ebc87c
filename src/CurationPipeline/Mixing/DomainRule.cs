namespace CurationPipeline.Mixing;

/// <summary>One ordered domain-assignment rule: a document goes to <see cref="Domain"/> when <see cref="When"/> holds and no earlier rule matched.</summary>
public sealed record DomainRule
{
    /// <summary>The domain name written into the <c>domain</c> column, e.g. <c>code</c>.</summary>
    public required string Domain { get; init; }

    /// <summary>The condition over annotated columns.</summary>
    public required MixCondition When { get; init; }
}
