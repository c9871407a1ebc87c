namespace CurationPipeline.Reporting;

/// <summary>What <see cref="DocumentInspector"/> looks for; every criterion that is set must hold.</summary>
public sealed record InspectQuery
{
    /// <summary>A filter's reason (<c>filter_reason</c>) or a drop list reason (<c>dedup.exact</c>, …).</summary>
    public string? Reason { get; init; }

    /// <summary>A mix domain: documents in the mix's train or validation shards with this domain.</summary>
    public string? Domain { get; init; }

    /// <summary>A document id.</summary>
    public string? Id { get; init; }

    /// <summary>The most documents returned.</summary>
    public int Limit { get; init; } = 20;
}
