using CurationPipeline.Dedup;

namespace CurationPipeline.Tests.Dedup;

/// <summary>Detection rate of the default 14 × 8 banding on near-duplicates of real text, against the LSH curve.</summary>
public sealed class LshRecallTests
{
    private const int PairsPerTarget = 250;

    [Fact]
    public void BandHashes_NearDuplicatesAtKnownJaccard_DetectionRateFollowsLshCurve()
    {
        var options = new MinHashOptions();
        var signer = new DocumentSigner(options);
        List<string[]> articles = DedupTexts.NormalizedWordLists(minWords: 150);
        Assert.True(articles.Count >= 50, $"only {articles.Count} articles with 150+ words");
        var random = new Random(20261127);
        int fresh = 0;
        var report = new List<string>();
        foreach (double target in new[] { 0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95 })
        {
            double expected = 0;
            double variance = 0;
            int detected = 0;
            double jaccardSum = 0;
            for (int i = 0; i < PairsPerTarget; i++)
            {
                string[] words = articles[random.Next(articles.Count)];
                (string[] near, double jaccard) = DedupTexts.NearDuplicate(words, target, random, ref fresh);
                DocumentSignature a = signer.Sign("a", 0, string.Join(' ', words));
                DocumentSignature b = signer.Sign("b", 0, string.Join(' ', near));
                bool candidate = false;
                for (int band = 0; band < options.Bands; band++)
                {
                    candidate |= a.BandHashes[band] == b.BandHashes[band];
                }

                double p = 1 - Math.Pow(1 - Math.Pow(jaccard, options.Rows), options.Bands);
                expected += p;
                variance += p * (1 - p);
                detected += candidate ? 1 : 0;
                jaccardSum += jaccard;
            }

            double meanJaccard = jaccardSum / PairsPerTarget;
            Assert.InRange(meanJaccard, target - 0.03, target + 0.03); // the builder hits its target
            report.Add($"s≈{meanJaccard:F3}: detected {detected}/{PairsPerTarget}, LSH curve expects {expected:F1} ± {Math.Sqrt(variance):F1}");
            // Within 4 standard deviations of the binomial sum (plus 2 for the near-deterministic bands at the ends).
            Assert.True(Math.Abs(detected - expected) <= 4 * Math.Sqrt(variance) + 2, string.Join(Environment.NewLine, report));
        }

        TestContext.Current.TestOutputHelper?.WriteLine(string.Join(Environment.NewLine, report));
    }
}
