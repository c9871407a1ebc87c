namespace CurationPipeline.Extraction.Internal;

/// <summary>Which heuristics one selection attempt uses; later attempts relax them when the first finds too little text.</summary>
/// <param name="StripUnlikely">Drop blocks whose class or id names chrome before scoring.</param>
/// <param name="WeightClasses">Let class and id cues raise or lower scores and condemn blocks during cleaning.</param>
/// <param name="CleanConditionally">Drop blocks inside the selection whose statistics look like boilerplate.</param>
/// <param name="WidenShare">Climb from the best container until it holds this share of the page's paragraph-like text.</param>
/// <param name="KeepWholeBody">Skip scoring: keep the whole body (after stripping, when <paramref name="StripUnlikely"/>).</param>
internal readonly record struct SelectionFlags(bool StripUnlikely, bool WeightClasses, bool CleanConditionally, double WidenShare, bool KeepWholeBody = false)
{
    /// <summary>Attempts in order, strictest first.</summary>
    public static readonly SelectionFlags[] Attempts =
    [
        new(true, true, true, 0.6),
        new(false, true, true, 0.6),
        new(false, false, false, 0.6),
    ];

    /// <summary>The more inclusive strategy tried when the best attempt's confidence is low: nothing stripped by name before
    /// scoring, and a container holding most of the page's paragraph-like text.</summary>
    public static readonly SelectionFlags Inclusive = new(false, true, true, 0.85);

    /// <summary>The strategy for pages without one dominant body (services, listings, collections, many product pages): the whole
    /// body less the blocks named as chrome, with no conditional cleaning (which drops the short, link-bearing blocks such pages
    /// are made of).</summary>
    public static readonly SelectionFlags WholeBody = new(true, false, false, 1, KeepWholeBody: true);
}
