namespace CurationPipeline.Mixing.Internal;

/// <summary>The sampling decision for one domain.</summary>
internal sealed record DomainPlan(string Domain, double TargetShare, int MaxEpochs)
{
    public long AvailableDocuments { get; set; }

    /// <summary>Training tokens available (validation excluded), each document counted <see cref="CatalogEntry.Weight"/> times: one epoch's tokens.</summary>
    public long AvailableTokens { get; set; }

    public long ValidationDocuments { get; set; }

    public long ValidationTokens { get; set; }

    public long TargetTokens { get; set; }

    public long PlannedTokens { get; set; }

    public long PlannedDocuments { get; set; }

    /// <summary>The most copies of any one document.</summary>
    public int MaxCopies { get; set; }

    /// <summary>Whether the domain could not reach its target within <see cref="MaxEpochs"/>.</summary>
    public bool Short => PlannedTokens < TargetTokens && (AvailableTokens == 0 || PlannedTokens >= (long)MaxEpochs * AvailableTokens);
}
