namespace CurationPipeline.Extraction.Internal;

/// <summary>Which heuristics one selection attempt uses; later attempts relax them when the first finds too little text.</summary>
internal readonly record struct SelectionFlags(bool StripUnlikely, bool WeightClasses, bool CleanConditionally)
{
    /// <summary>Attempts in order, strictest first.</summary>
    public static readonly SelectionFlags[] Attempts =
    [
        new(true, true, true),
        new(false, true, true),
        new(false, false, false),
    ];
}
