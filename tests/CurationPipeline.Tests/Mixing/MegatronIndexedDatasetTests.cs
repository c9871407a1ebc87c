using CurationPipeline.Mixing;
using CurationPipeline.Pipelines.Layout;
using CurationPipeline.Storage;
using CurationPipeline.Tests.Reporting;
using CurationPipeline.Tokenization;
using Microsoft.Extensions.Logging.Abstractions;

namespace CurationPipeline.Tests.Mixing;

/// <summary>The mix's Megatron-LM <c>.bin</c>/<c>.idx</c> files, read back by an independent Python reader, token for token.</summary>
public sealed class MegatronIndexedDatasetTests
{
    [Fact]
    public async Task Quickstart_Cl100kMix_ReaderSeesInt32DocumentsEqualToParquetShards()
    {
        // Real text: the bundled sample crawl through the quickstart (cl100k_base, 100,277 ids: int32 tokens).
        CancellationToken ct = TestContext.Current.CancellationToken;
        string mix = Path.Combine(await QuickstartRun.OutputAsync(ct), OutputLayout.Mix);

        await AssertSplitAsync(mix, "train", "mix_train", "int32", ct);
        await AssertSplitAsync(mix, "validation", "mix_val", "int32", ct);
        MixReport report = await MixReport.ReadAsync(LocalStorage.Instance, Path.Combine(mix, MixReport.FileName), ct);
        Assert.Contains("megatron/mix_train.idx", report.Files);
    }

    [Fact]
    public async Task RunAsync_Gpt2Vocabulary_ReaderSeesUInt16DocumentsEqualToParquetShards()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        string tagged = await TaggedData.WriteAsync(600, withScores: true, cancellationToken: ct); // gpt2: 50,257 ids fit in uint16
        string output = Path.Combine(tagged, "mix");
        var options = new MixOptions { Seed = 7, TotalTokens = 40_000, ValidationTokensPerDomain = 1_000, TokensPerShard = 15_000, MegatronBin = true };

        await new Mixer(LocalStorage.Instance, NullLogger<Mixer>.Instance).RunAsync(tagged, output, options, ct);

        await AssertSplitAsync(output, "train", "mix_train", "uint16", ct);
        await AssertSplitAsync(output, "validation", "mix_val", "uint16", ct);
        Assert.True(Directory.GetFiles(Path.Combine(output, "train"), "*.parquet").Length > 1, "the check must span several Parquet shards");
        Assert.False(Directory.Exists(Path.Combine(output, "bin")), "llm.c shards were not asked for");
    }

    [Theory]
    [InlineData("bin", 2, ".bin is")]       // a token short: the index covers more than the data file holds
    [InlineData("idx", 0, "bad header")]    // the magic overwritten
    public async Task Reader_DamagedQuickstartFiles_Fails(string damaged, int truncateBytes, string message)
    {
        // The check above is only as good as the reader: it must notice a damaged file rather than read garbage.
        CancellationToken ct = TestContext.Current.CancellationToken;
        string megatron = Path.Combine(await QuickstartRun.OutputAsync(ct), OutputLayout.Mix, "megatron");
        string prefix = Path.Combine(TestData.NewTempDirectory(), "mix_val");
        File.Copy(Path.Combine(megatron, "mix_val.bin"), prefix + ".bin");
        File.Copy(Path.Combine(megatron, "mix_val.idx"), prefix + ".idx");
        await using (FileStream file = File.Open($"{prefix}.{damaged}", FileMode.Open))
        {
            if (truncateBytes > 0)
            {
                file.SetLength(file.Length - truncateBytes);
            }
            else
            {
                file.Write("XXXX"u8);
            }
        }

        (int exitCode, _, string stderr) = await MegatronReader.RunAsync(prefix, ct);

        Assert.Equal(1, exitCode);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
    }

    private static async Task AssertSplitAsync(string mix, string parquetFolder, string prefix, string dtype, CancellationToken ct)
    {
        List<TokenizedDocument> rows = await TaggedData.ReadShardsAsync(Path.Combine(mix, parquetFolder), ct);
        MegatronReader.Dataset dataset = await MegatronReader.ReadAsync(Path.Combine(mix, "megatron", prefix), ct);

        Assert.Equal(dtype, dataset.DType);
        Assert.NotEmpty(rows);
        Assert.Equal(rows.Count, dataset.Documents.Count);
        for (int i = 0; i < rows.Count; i++)
        {
            Assert.Equal(rows[i].InputIds.ToArray(), dataset.Documents[i]);
        }
    }
}
