namespace CurationPipeline.Mixing;

/// <summary>Stable reason codes of the mix pass: why an annotated document is not in the mix.</summary>
public static class MixReasons
{
    /// <summary>A filter condition failed (the report counts each filter separately).</summary>
    public const string Filtered = "mix.filtered";

    /// <summary>The dedup drop list removes the document.</summary>
    public const string Duplicate = "mix.duplicate";

    /// <summary>Paragraph dedup removed every paragraph of the document (<see cref="Dedup.DedupReasons.ParagraphEmptied"/>).</summary>
    public const string ParagraphEmptied = "mix.paragraph_emptied";

    /// <summary>A column a filter or rule reads is null for the document and the condition has no default.</summary>
    public const string MissingValue = "mix.missing_value";

    /// <summary>The document has no row in the tokenized shards (the tag pass dropped it after annotation).</summary>
    public const string NotTokenized = "mix.not_tokenized";

    /// <summary>
    /// Two annotated rows have one identity (id, source path and offset): an input repeats a record id at one place, e.g.
    /// inside one whole-file gzip member. Neither is mixed, since which one would be depends on thread timing.
    /// </summary>
    public const string RepeatedIdentity = "mix.repeated_identity";

    /// <summary>A tokenized row has no annotated row, so no filter or rule can be applied to it.</summary>
    public const string NotAnnotated = "mix.not_annotated";

    /// <summary>The document's domain has a target share of zero.</summary>
    public const string UntargetedDomain = "mix.untargeted_domain";
}
