using CurationPipeline.Dedup;

namespace CurationPipeline.Tests.Dedup;

public sealed class MinHasherTests
{
    private static readonly MinHashOptions s_nemo = new() { ShingleKind = ShingleKind.Char, ShingleSize = 24, Bands = 20, Rows = 13 };

    public static TheoryData<MinHashOptions> AllOptions => new() { new MinHashOptions(), s_nemo, new MinHashOptions { Bands = 3, Rows = 3, Seed = 42 } };

    [Theory]
    [MemberData(nameof(AllOptions))]
    public void ComputeSignature_VectorAndScalarPaths_AgreeOnRealTexts(MinHashOptions options)
    {
        Assert.True(MinHasher.IsVectorized, "This machine should run the vector path; otherwise the comparison proves nothing.");
        var hasher = new MinHasher(options);
        var vector = new ulong[hasher.HashCount];
        var scalar = new ulong[hasher.HashCount];
        foreach (string text in DedupTexts.Articles.Take(40).Append("").Append("two words"))
        {
            hasher.ComputeSignature(text, vector, vectorized: true);
            hasher.ComputeSignature(text, scalar, vectorized: false);
            Assert.Equal(scalar, vector);
            Assert.All(vector, v => Assert.True(v < (1UL << 61) - 1));
        }
    }

    [Fact]
    public void ComputeSignature_FixedText_MatchesValuesRecordedOnAnotherRun()
    {
        // Signatures must be equal across processes and machines: these values were recorded once and must never change
        // without a format version bump (string.GetHashCode or an unseeded Random would break this).
        var hasher = new MinHasher(new MinHashOptions());
        var signature = new ulong[hasher.HashCount];
        hasher.ComputeSignature("The quick brown fox jumps over the lazy dog, again and again in 2024.", signature);

        Assert.Equal(GoldenSignaturePrefix, signature[..4]);
    }

    [Fact]
    public void ComputeSignature_NormalizationOnlyDifferences_GiveEqualSignatures()
    {
        var hasher = new MinHasher(new MinHashOptions());
        var a = new ulong[hasher.HashCount];
        var b = new ulong[hasher.HashCount];
        hasher.ComputeSignature("Café Society: the 1920s, in PARIS!", a);
        hasher.ComputeSignature("cafe society -- the 1930s in paris", b);
        Assert.Equal(a, b);
    }

    [Fact]
    public void EstimateJaccard_NearDuplicatesOfRealText_IsCloseToTrueShingleJaccard()
    {
        var hasher = new MinHasher(new MinHashOptions { Bands = 32, Rows = 16 });
        var random = new Random(7);
        int fresh = 0;
        var a = new ulong[hasher.HashCount];
        var b = new ulong[hasher.HashCount];
        double totalError = 0;
        int pairs = 0;
        foreach (string[] words in DedupTexts.NormalizedWordLists(300).Take(30))
        {
            (string[] near, double jaccard) = DedupTexts.NearDuplicate(words, 0.7, random, ref fresh);
            hasher.ComputeSignature(string.Join(' ', words), a);
            hasher.ComputeSignature(string.Join(' ', near), b);
            double estimate = MinHasher.EstimateJaccard<ulong>(a, b);
            // Standard error with 512 hashes is at most 0.022; 5 sigma per pair.
            Assert.InRange(estimate, jaccard - 0.11, jaccard + 0.11);
            totalError += estimate - jaccard;
            pairs++;
        }

        Assert.InRange(totalError / pairs, -0.02, 0.02); // unbiased on average
    }

    [Fact]
    public void ComputeSignature_TextShorterThanShingle_IsOneShingleAndDiffersFromOtherShortText()
    {
        var hasher = new MinHasher(new MinHashOptions());
        var a = new ulong[hasher.HashCount];
        var b = new ulong[hasher.HashCount];
        hasher.ComputeSignature("only three words", a);
        hasher.ComputeSignature("only three others", b);
        Assert.DoesNotContain(ulong.MaxValue, a);
        Assert.Equal(0, MinHasher.EstimateJaccard<ulong>(a, b), 1);
    }

    [Theory]
    [InlineData(0, 14, 8)]
    [InlineData(5, 0, 8)]
    [InlineData(5, 14, 0)]
    [InlineData(5, 100, 100)]
    [InlineData(300, 14, 8)]
    public void Validate_OutOfRange_Throws(int shingleSize, int bands, int rows)
    {
        var options = new MinHashOptions { ShingleSize = shingleSize, Bands = bands, Rows = rows };
        Assert.Throws<ArgumentOutOfRangeException>(options.Validate);
    }

    [Fact]
    public void ComputeBandHashes_EqualBandRows_GiveEqualBandHashOnlyForThatBand()
    {
        var hasher = new MinHasher(new MinHashOptions { Bands = 4, Rows = 2 });
        ulong[] a = [1, 2, 3, 4, 5, 6, 7, 8];
        ulong[] b = [1, 2, 9, 4, 9, 6, 7, 9];
        var ha = new ulong[4];
        var hb = new ulong[4];
        hasher.ComputeBandHashes(a, ha);
        hasher.ComputeBandHashes(b, hb);
        Assert.Equal([true, false, false, false], ha.Zip(hb, (x, y) => x == y).ToArray());
    }

    private static readonly ulong[] GoldenSignaturePrefix = [224359036536558326, 274437989998058268, 174012319402670337, 15654012033981726];
}
