using CurationPipeline.Documents;
using CurationPipeline.Outputs;
using CurationPipeline.Storage;
using CurationPipeline.Tokenization;
using Parquet;

namespace CurationPipeline.Tests.Outputs;

public sealed class AnnotatedShardSignalsTests
{
    private static readonly SignalSchema s_schema = new([("gopher_quality.word_count", SignalKind.Number), ("language.language", SignalKind.Text), ("quality", SignalKind.Number)]);

    private static async Task<string> WriteShardAsync(int rows, CancellationToken ct)
    {
        string dir = TestData.NewTempDirectory();
        await using var writer = new AnnotatedShardWriter(LocalStorage.Instance, dir, new AnnotatedShardOptions { RowGroupRows = 3 }, s_schema);
        for (int i = 0; i < rows; i++)
        {
            await writer.WriteAsync(new AnnotatedDocument
            {
                Id = $"d{i}", Text = $"text {i}", SourcePath = "a.jsonl", SourceOffset = i, FilterReason = i == 2 ? "c4.lorem_ipsum" : null,
                Signals = new SignalSet(s_schema, [i * 10, 0.5], [i % 2 == 0 ? "en" : "de"]),
            }, ct);
        }

        return (await writer.CompleteAsync(ct))[0];
    }

    private static async Task<List<AnnotatedDocument>> ReadAsync(string path, CancellationToken ct)
    {
        var rows = new List<AnnotatedDocument>();
        await foreach (AnnotatedDocument document in ShardReader.ReadAnnotatedAsync(LocalStorage.Instance, path, ct))
        {
            rows.Add(document);
        }

        return rows;
    }

    [Fact]
    public async Task AddNumbers_NewAndExistingName_AppendsOrReplacesAndKeepsEverythingElse()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        string path = await WriteShardAsync(7, ct);
        List<AnnotatedDocument> before = await ReadAsync(path, ct);

        // "quality" exists (replaced), "code" is new; running it twice must give the same shard.
        for (int run = 0; run < 2; run++)
        {
            await AnnotatedShardSignals.AddNumbersAsync(LocalStorage.Instance, path, ["quality", "code"],
                d => [double.Parse(d.Id[1..], System.Globalization.CultureInfo.InvariantCulture) / 10, d.Id == "d3" ? double.NaN : 1], cancellationToken: ct);
        }

        List<AnnotatedDocument> after = await ReadAsync(path, ct);
        Assert.Equal(["gopher_quality.word_count", "language.language", "quality", "code"], after[0].Signals.Schema.Columns.Select(c => c.Name));
        Assert.Equal(before.Select(d => d with { Signals = SignalSet.Empty }), after.Select(d => d with { Signals = SignalSet.Empty }));
        for (int i = 0; i < after.Count; i++)
        {
            Assert.Equal(before[i].Signals.Number("gopher_quality.word_count"), after[i].Signals.Number("gopher_quality.word_count"));
            Assert.Equal(before[i].Signals.Text("language.language"), after[i].Signals.Text("language.language"));
            Assert.Equal(i / 10.0, after[i].Signals.Number("quality"));
            Assert.Equal(i == 3 ? double.NaN : 1, after[i].Signals.Number("code"));
        }

        await using FileStream stream = File.OpenRead(path);
        await using ParquetReader reader = await ParquetReader.CreateAsync(stream, cancellationToken: ct);
        Assert.Equal(3, reader.RowGroupCount); // 7 rows in groups of 3: the row groups are kept
        Assert.Equal(AnnotatedShardWriter.SchemaVersion.ToString(System.Globalization.CultureInfo.InvariantCulture), reader.CustomMetadata["schema_version"]);
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!)); // no temporary file left
    }

    [Fact]
    public async Task AddNumbers_FixedColumnOrWrongValueCount_ThrowsAndLeavesTheShard()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        string path = await WriteShardAsync(4, ct);
        byte[] original = await File.ReadAllBytesAsync(path, ct);

        await Assert.ThrowsAsync<ArgumentException>(() => AnnotatedShardSignals.AddNumbersAsync(LocalStorage.Instance, path, ["text"], _ => [1], cancellationToken: ct));
        await Assert.ThrowsAsync<ArgumentException>(() => AnnotatedShardSignals.AddNumbersAsync(LocalStorage.Instance, path, ["a", "b"], _ => [1], cancellationToken: ct));

        Assert.Equal(original, await File.ReadAllBytesAsync(path, ct));
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!));
    }

    [Fact]
    public async Task AddNumbers_NotAnAnnotatedShard_InvalidDataAndFileKept()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        string dir = TestData.NewTempDirectory();
        string path;
        await using (var writer = new TokenizedShardWriter(LocalStorage.Instance, dir, new TokenizedShardMetadata("test", 10, 9)))
        {
            await writer.WriteAsync(new TokenizedDocument { Id = "a", InputIds = new[] { 1, 9 } }, ct);
            path = (await writer.CompleteAsync(ct))[0];
        }

        byte[] original = await File.ReadAllBytesAsync(path, ct);
        await Assert.ThrowsAsync<InvalidDataException>(() => AnnotatedShardSignals.AddNumbersAsync(LocalStorage.Instance, path, ["q"], _ => [1], cancellationToken: ct));
        Assert.Equal(original, await File.ReadAllBytesAsync(path, ct));
    }
}
