namespace CurationPipeline.Filters;

/// <summary>What <see cref="DecontaminationFilter"/> does with a document that contains a benchmark n-gram.</summary>
public enum DecontaminationAction
{
    /// <summary>Drop it with <see cref="FilterReasons.DecontamNgram"/> (the benchmark and n-gram go to the rejects' detail).</summary>
    Drop,

    /// <summary>Keep it; only its <c>decontam.*</c> columns record the match, for a mix rule to act on later.</summary>
    Flag,
}
