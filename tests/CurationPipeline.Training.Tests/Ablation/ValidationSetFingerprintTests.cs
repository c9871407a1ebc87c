using CurationPipeline.Training.Ablation;
using CurationPipeline.Training.Data;

namespace CurationPipeline.Training.Tests.Ablation;

public sealed class ValidationSetFingerprintTests
{
    [Fact]
    public void Of_SameStreams_SameHash_AnyChange_DifferentHash()
    {
        ValidationSetFingerprint reference = Fingerprint(("en", [1, 2, 3, 63]), ("de", [5, 10, 63]));

        Assert.True(reference.SameTokens(Fingerprint(("de", [5, 10, 63]), ("en", [1, 2, 3, 63]))));
        Assert.False(reference.SameTokens(Fingerprint(("en", [1, 2, 4, 63]), ("de", [5, 10, 63]))));
        Assert.False(reference.SameTokens(Fingerprint(("en", [1, 2, 3, 63]), ("fr", [5, 10, 63]))));
        Assert.False(reference.SameTokens(Fingerprint(("en", [1, 2, 3]), ("de", [63, 5, 10, 63]))));
        Assert.Equal(new Dictionary<string, long> { ["de"] = 3, ["en"] = 4 }, reference.DomainTokens);
        Assert.Matches("^[0-9a-f]{32} \\(de 3, en 4 tokens\\)$", reference.ToString());
    }

    [Fact]
    public void MismatchException_NamesBothMixesAndBothSets()
    {
        ValidationSetFingerprint a = Fingerprint(("en", [1, 2, 63]));
        ValidationSetFingerprint b = Fingerprint(("en", [1, 3, 63]));

        var error = new ValidationSetMismatchException("baseline", a, "more-code", b);

        Assert.Equal("baseline", error.ReferenceMix);
        Assert.Equal("more-code", error.Mix);
        Assert.Contains($"Mix 'more-code' holds out a different validation set from mix 'baseline': {b} vs {a}", error.Message, StringComparison.Ordinal);
    }

    private static ValidationSetFingerprint Fingerprint(params (string Domain, int[] Tokens)[] validation) =>
        ValidationSetFingerprint.Of(TrainingData.FromTokens(SyntheticCorpus.Metadata, [1, 2, 3], validation.ToDictionary(v => v.Domain, v => v.Tokens)));
}
