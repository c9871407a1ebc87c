using System.Collections.Frozen;
using System.Collections.Immutable;

namespace CurationPipeline.Extraction.Evaluation;

/// <summary>Scores published on the WCXB dataset card ("Baseline Results", Murrough-Foley/web-content-extraction-benchmark
/// @ c039d5ee) for the 1,497-page dev split (which includes 139 pages the bundled 1,358-page dev folder leaves out).</summary>
public static class WcxbPublishedScores
{
    /// <summary>Overall dev-split F1 / P / R, best F1 first (<see cref="PeerScore.Accuracy"/> is not reported and is 0).</summary>
    public static ImmutableArray<PeerScore> Overall { get; } =
    [
        new("rs-trafilatura (44 ms/page)", 0.859, 0.863, 0.890, 0),
        new("MinerU-HTML 0.6B (1,570 ms/page)", 0.827, 0.845, 0.840, 0),
        new("trafilatura (94 ms/page)", 0.791, 0.852, 0.793, 0),
        new("dom-smoothie (27 ms/page)", 0.762, 0.806, 0.768, 0),
    ];

    /// <summary>Dev-split F1 by page type, and over all pages as <c>all</c>: (trafilatura, Readability).</summary>
    public static FrozenDictionary<string, (double Trafilatura, double Readability)> F1ByPageType { get; } =
        new Dictionary<string, (double, double)>(StringComparer.Ordinal)
        {
            ["article"] = (0.926, 0.825),
            ["documentation"] = (0.888, 0.736),
            ["service"] = (0.763, 0.604),
            ["forum"] = (0.585, 0.466),
            ["collection"] = (0.553, 0.445),
            ["listing"] = (0.589, 0.496),
            ["product"] = (0.567, 0.407),
            ["all"] = (0.791, 0.675),
        }.ToFrozenDictionary(StringComparer.Ordinal);
}
