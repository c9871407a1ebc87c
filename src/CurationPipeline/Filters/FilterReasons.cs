namespace CurationPipeline.Filters;

/// <summary>
/// Stable reason codes of the heuristic filters, <c>{filter}.{rule}</c>; the rule names follow datatrove's. Each filter declares
/// its own codes in its own file (a part of this partial class), so every code is defined next to the rule that returns it.
/// </summary>
public static partial class FilterReasons;
