using CurationPipeline.Outputs;
using CurationPipeline.Storage;
using CurationPipeline.Tokenization;
using CurationPipeline.Training.Data;

namespace CurationPipeline.Training.Tests.Data;

public sealed class TrainingDataTests
{
    [Fact]
    public async Task LoadAsync_ValidationDirectory_SplitsStreamsByDomainAndCountsBadInput()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        string root = Directory.CreateTempSubdirectory("curate-train-data-").FullName;
        string train = Path.Combine(root, "train");
        string validation = Path.Combine(root, "validation");
        var bad = new TokenizedDocument { Id = "bad", InputIds = new[] { 3, 99, SyntheticCorpus.EndOfDocument } };
        var empty = new TokenizedDocument { Id = "empty", InputIds = new[] { SyntheticCorpus.EndOfDocument } };
        await WriteAsync(train, SyntheticCorpus.Metadata, [.. SyntheticCorpus.Documents("count", 1, 3, 10, 1), bad, empty], ct);
        await WriteAsync(Path.Combine(train, "z-other"), SyntheticCorpus.Metadata with { TokenizerName = "gpt2" },
            SyntheticCorpus.Documents("count", 1, 2, 10, 2), ct);
        await File.WriteAllTextAsync(Path.Combine(train, "garbage.parquet"), "not parquet", ct);
        await WriteAsync(validation, SyntheticCorpus.Metadata,
            [.. SyntheticCorpus.Documents("count", 1, 2, 10, 3), .. SyntheticCorpus.Documents("skip", 5, 1, 10, 4)], ct);

        TrainingData data = await TrainingData.LoadAsync(LocalStorage.Instance,
            new TrainingDataOptions { TrainPattern = train, ValidationPattern = validation }, ct);

        Assert.Equal(3 * 11, data.TrainTokens.Length);
        Assert.Equal(SyntheticCorpus.EndOfDocument, data.TrainTokens.Span[^1]);
        Assert.Equal(["count", "skip"], data.ValidationTokens.Keys);
        Assert.Equal(22, data.ValidationTokens["count"].Length);
        Assert.Equal(11, data.ValidationTokens["skip"].Length);
        Assert.Equal(1, data.Counters[TrainingReasons.TokenOutOfRange]);
        Assert.Equal(1, data.Counters[TrainingReasons.EmptyDocument]);
        Assert.Equal(1, data.Counters[TrainingReasons.TokenizerMismatch]);
        Assert.Equal(1, data.Counters[TrainingReasons.UnreadableShard]);
    }

    [Fact]
    public async Task LoadAsync_HeldOutFraction_IsStableAndDisjoint()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        string train = Directory.CreateTempSubdirectory("curate-train-data-").FullName;
        await WriteAsync(train, SyntheticCorpus.Metadata, SyntheticCorpus.Documents("count", 1, 200, 5, 7), ct);
        var options = new TrainingDataOptions { TrainPattern = train, ValidationFraction = 0.25 };

        TrainingData first = await TrainingData.LoadAsync(LocalStorage.Instance, options, ct);
        TrainingData second = await TrainingData.LoadAsync(LocalStorage.Instance, options, ct);

        long held = first.Counters["documents.validation"];
        Assert.InRange(held, 30, 70);
        Assert.Equal(200 - held, first.Counters["documents.train"]);
        Assert.Equal(first.ValidationTokens["count"], second.ValidationTokens["count"]);
        Assert.Equal(first.TrainTokens.ToArray(), second.TrainTokens.ToArray());
    }

    private static async Task WriteAsync(string directory, TokenizedShardMetadata metadata, IEnumerable<TokenizedDocument> documents,
        CancellationToken ct)
    {
        await using var writer = new TokenizedShardWriter(LocalStorage.Instance, directory, metadata);
        foreach (TokenizedDocument document in documents)
        {
            await writer.WriteAsync(document, ct);
        }

        await writer.CompleteAsync(ct);
    }
}
