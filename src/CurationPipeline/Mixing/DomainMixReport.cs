namespace CurationPipeline.Mixing;

/// <summary>One domain of a mix: what was targeted, what was available and what was written.</summary>
public sealed record DomainMixReport
{
    /// <summary>The domain name.</summary>
    public required string Domain { get; init; }

    /// <summary>The configured token share.</summary>
    public required double TargetShare { get; init; }

    /// <summary>The share of the written training tokens.</summary>
    public required double AchievedShare { get; init; }

    /// <summary>The target token count (share × budget).</summary>
    public required long TargetTokens { get; init; }

    /// <summary>Training tokens written (repeats included).</summary>
    public required long Tokens { get; init; }

    /// <summary>Training rows written (repeats included).</summary>
    public required long Documents { get; init; }

    /// <summary>Distinct training documents available after filters, dedup and the validation hold-out.</summary>
    public required long AvailableDocuments { get; init; }

    /// <summary>Tokens of <see cref="AvailableDocuments"/>.</summary>
    public required long AvailableTokens { get; init; }

    /// <summary>Tokens written per available token (below 1: down-sampled; above 1: up-sampled).</summary>
    public required double Epochs { get; init; }

    /// <summary>The most times any one document was written.</summary>
    public required int MaxCopies { get; init; }

    /// <summary>The configured epoch limit.</summary>
    public required int MaxEpochs { get; init; }

    /// <summary>Held-out validation documents.</summary>
    public required long ValidationDocuments { get; init; }

    /// <summary>Held-out validation tokens.</summary>
    public required long ValidationTokens { get; init; }

    /// <summary>Whether the domain had too few tokens to reach its target within <see cref="MaxEpochs"/>.</summary>
    public required bool Short { get; init; }
}
