namespace CurationPipeline.Extraction.Internal;

/// <summary>
/// A per-page step budget for the extractor's walks: every node a walk visits is one step. A count, not a clock, so a page gets
/// the same outcome on any machine under any load; it stops the walks that would grow with the square of the page's size.
/// </summary>
internal sealed class ExtractionBudget(long maxSteps)
{
    /// <summary>Steps allowed per DOM node. Every page of the Scrapinghub and WCXB dev benchmarks and the sample crawls needs
    /// at most 79 (median 15); a page that needs more than ten times that is stuck in a walk that grows faster than its size.</summary>
    private const long StepsPerNode = 1_000;

    /// <summary>The budget of a tiny page, where a few fixed-cost walks dominate.</summary>
    private const long MinSteps = 100_000;

    private long _steps;

    /// <summary>A budget that never runs out, for walks whose cost is linear by construction.</summary>
    public static ExtractionBudget Unlimited => new(long.MaxValue);

    /// <summary>The budget for a page of <paramref name="nodes"/> DOM nodes.</summary>
    public static ExtractionBudget ForNodes(int nodes) => new(Math.Max(MinSteps, StepsPerNode * nodes));

    /// <summary>Counts one step.</summary>
    /// <exception cref="ExtractionBudgetExceededException">The budget is spent.</exception>
    public void Tick()
    {
        if (++_steps > maxSteps)
        {
            throw new ExtractionBudgetExceededException(maxSteps);
        }
    }
}
