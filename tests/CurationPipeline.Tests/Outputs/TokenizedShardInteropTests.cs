using System.Text.Json;
using CurationPipeline.Outputs;
using CurationPipeline.Storage;
using CurationPipeline.Tests.Tokenization;
using CurationPipeline.Tokenization;

namespace CurationPipeline.Tests.Outputs;

/// <summary>Proves that DuckDB (a reference Parquet engine) reads the tokenized shards: same ids, token lists and metadata.</summary>
public sealed class TokenizedShardInteropTests
{
    [Fact]
    public async Task DuckDb_ReadsTokenizedShard_SameRowsListsAndMetadata()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        TextTokenizer tokenizer = Tokenizers.Get("cl100k_base");
        string dir = TestData.NewTempDirectory();
        var written = new List<TokenizedDocument>();
        string[] texts = [TextTokenizerTests.Mixed, "", "second row group 東京 😀", "third <|endoftext|>"];
        IReadOnlyList<string> paths;
        await using (var writer = new TokenizedShardWriter(LocalStorage.Instance, dir, TokenizedShardMetadata.For(tokenizer),
                         new TokenizedShardOptions { RowGroupTokens = 20 }))
        {
            for (int i = 0; i < texts.Length; i++)
            {
                var ids = new List<int>();
                tokenizer.EncodeDocument(texts[i], ids);
                var document = new TokenizedDocument { Id = $"d{i}", Url = i == 1 ? null : $"https://e.org/{i}", InputIds = ids.ToArray() };
                written.Add(document);
                await writer.WriteAsync(document, ct);
            }

            paths = await writer.CompleteAsync(ct);
        }

        using JsonDocument result = DuckDb.Read(Assert.Single(paths));
        JsonElement root = result.RootElement;

        Assert.Equal(
            ["input_ids:INTEGER[]", "id:VARCHAR", "url:VARCHAR", "n_tokens:INTEGER", "domain:VARCHAR", "source_path:VARCHAR", "source_offset:BIGINT"],
            root.GetProperty("columns").EnumerateArray().Select(c => $"{c.GetProperty("name").GetString()}:{c.GetProperty("type").GetString()}"));
        JsonElement[] rows = [.. root.GetProperty("rows").EnumerateArray()];
        Assert.Equal(written.Count, rows.Length);
        for (int i = 0; i < rows.Length; i++)
        {
            Assert.Equal(written[i].Id, rows[i].GetProperty("id").GetString());
            Assert.Equal(written[i].Url, rows[i].GetProperty("url").GetString());
            Assert.Equal(written[i].InputIds.ToArray(), rows[i].GetProperty("input_ids").EnumerateArray().Select(v => v.GetInt32()));
            Assert.Equal(written[i].InputIds.Length, rows[i].GetProperty("n_tokens").GetInt32());
            Assert.Equal("general", rows[i].GetProperty("domain").GetString());
        }

        JsonElement kv = root.GetProperty("kv");
        Assert.Equal("cl100k_base", kv.GetProperty(TokenizedShardMetadata.TokenizerNameKey).GetString());
        Assert.Equal("100277", kv.GetProperty(TokenizedShardMetadata.VocabularySizeKey).GetString());
        Assert.Equal("100257", kv.GetProperty(TokenizedShardMetadata.EndOfDocumentIdKey).GetString());
        Assert.Equal(TokenizedShardMetadata.CurrentSchemaVersion.ToString(System.Globalization.CultureInfo.InvariantCulture), kv.GetProperty(TokenizedShardMetadata.SchemaVersionKey).GetString());
    }
}
