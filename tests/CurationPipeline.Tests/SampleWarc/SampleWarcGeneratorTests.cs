using System.IO.Compression;
using Generator = SampleWarcGenerator.SampleWarc;

namespace CurationPipeline.Tests.SampleWarc;

public sealed class SampleWarcGeneratorTests
{
    [Fact]
    public void WriteFiles_IntoTempDirectory_MatchesCommittedSampleByteForByte()
    {
        string committedDir = Path.Combine(TestData.RepoRoot, "sample-warc");
        string tempDir = TestData.NewTempDirectory();

        Generator.WriteFiles(Path.Combine(tempDir, "quickstart.warc.gz"));

        byte[] committed = File.ReadAllBytes(Path.Combine(committedDir, "quickstart.warc.gz"));
        byte[] regenerated = File.ReadAllBytes(Path.Combine(tempDir, "quickstart.warc.gz"));

        // Content first, so a failure says whether the records changed or only the deflate output did.
        Assert.True(
            Inflate(committed).AsSpan().SequenceEqual(Inflate(regenerated)),
            "The regenerated WARC records differ from sample-warc/quickstart.warc.gz: the generator changed. " +
            "Regenerate with `dotnet run --project tools/SampleWarcGenerator -- sample-warc/quickstart.warc.gz` and review.");
        Assert.True(
            committed.AsSpan().SequenceEqual(regenerated),
            "Same records but different gzip bytes: the runtime's deflate implementation changed. Regenerate the sample.");
        Assert.Equal(
            File.ReadAllBytes(Path.Combine(committedDir, Generator.DocsFileName)),
            File.ReadAllBytes(Path.Combine(tempDir, Generator.DocsFileName)));
    }

    /// <summary>Decompresses all gzip members (GZipStream continues across member boundaries).</summary>
    private static byte[] Inflate(byte[] gzip)
    {
        using var input = new GZipStream(new MemoryStream(gzip), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }
}
