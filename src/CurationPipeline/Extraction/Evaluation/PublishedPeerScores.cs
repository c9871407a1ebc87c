using System.Collections.Immutable;

namespace CurationPipeline.Extraction.Evaluation;

/// <summary>Scores published in scrapinghub/article-extraction-benchmark README (commit 4a3bc979, section "Results").</summary>
public static class PublishedPeerScores
{
    /// <summary>Peers, best F1 first; the full-text baselines are at the end.</summary>
    public static ImmutableArray<PeerScore> All { get; } =
    [
        new("rs_trafilatura 9261e08", 0.970, 0.951, 0.990, 0.287),
        new("go_trafilatura ae7ea06", 0.960, 0.940, 0.980, 0.287),
        new("trafilatura 2.0.0", 0.958, 0.938, 0.978, 0.293),
        new("readability_js 0.6.0", 0.947, 0.914, 0.982, 0.166),
        new("go_readability 9f5bf5c", 0.934, 0.900, 0.971, 0.188),
        new("go_domdistiller 25b8d04", 0.927, 0.901, 0.956, 0.061),
        new("readability-lxml 0.8.4.1", 0.922, 0.913, 0.931, 0.315),
        new("goose3 3.1.20", 0.896, 0.940, 0.856, 0.232),
        new("boilerpipe (2019)", 0.860, 0.850, 0.870, 0.006),
        new("justext 3.0.2", 0.804, 0.858, 0.756, 0.088),
        new("inscriptis 2.6.0", 0.679, 0.517, 0.992, 0.000),
        new("html-text 0.7.0 (full text)", 0.665, 0.500, 0.994, 0.000),
    ];
}
