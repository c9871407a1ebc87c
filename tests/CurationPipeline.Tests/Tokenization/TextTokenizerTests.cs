using System.Text.Json;
using CurationPipeline.Tokenization;
using Microsoft.ML.Tokenizers;

namespace CurationPipeline.Tests.Tokenization;

public sealed class TextTokenizerTests
{
    public const string Mixed = "Hello, world! It's 2026: naïve café — 東京は晴れ。 안녕하세요 😀👍🏽 \t\n\n  x=1234567; don't";

    public static TheoryData<string> BuiltIn => ["cl100k_base", "o200k_base", "gpt2"];

    [Theory]
    [MemberData(nameof(BuiltIn))]
    public void EncodeDocument_BuiltIn_EndsWithExactlyOneEndOfDocument(string name)
    {
        TextTokenizer tokenizer = Tokenizers.Get(name);
        var ids = new List<int> { 7 };

        int appended = tokenizer.EncodeDocument(Mixed, ids);

        Assert.Equal(ids.Count - 1, appended);
        Assert.Equal(7, ids[0]);
        Assert.Equal(tokenizer.EndOfDocumentId, ids[^1]);
        Assert.Equal(1, ids.Count(id => id == tokenizer.EndOfDocumentId));
        Assert.All(ids, id => Assert.InRange(id, 0, tokenizer.VocabularySize - 1));
        Assert.Equal(Mixed, tokenizer.Decode(ids.GetRange(1, ids.Count - 2)));
    }

    [Theory]
    [MemberData(nameof(BuiltIn))]
    public void EncodeDocument_EmptyText_IsOnlyEndOfDocument(string name)
    {
        TextTokenizer tokenizer = Tokenizers.Get(name);
        var ids = new List<int>();

        Assert.Equal(1, tokenizer.EncodeDocument(ReadOnlySpan<char>.Empty, ids));
        Assert.Equal([tokenizer.EndOfDocumentId], ids);
    }

    [Theory]
    [MemberData(nameof(BuiltIn))]
    public void EncodeDocument_TextSpellingSpecialTokens_EncodesThemAsPlainText(string name)
    {
        TextTokenizer tokenizer = Tokenizers.Get(name);
        IReadOnlyDictionary<string, int> specials = Stock(name).SpecialTokens!;
        string text = "a " + string.Join(" b", specials.Keys) + "<|endoftext|>end";
        var ids = new List<int>();

        tokenizer.EncodeDocument(text, ids);

        Assert.Equal(tokenizer.EndOfDocumentId, ids[^1]);
        Assert.DoesNotContain(ids.Take(ids.Count - 1), id => specials.Values.Contains(id));
        Assert.Equal(text, tokenizer.Decode(ids.Take(ids.Count - 1)));
    }

    [Theory]
    [MemberData(nameof(BuiltIn))]
    public void EncodeDocument_WebText_MatchesStockTiktokenIds(string name)
    {
        TextTokenizer tokenizer = Tokenizers.Get(name);
        TiktokenTokenizer stock = Stock(name);
        using JsonDocument truth = JsonDocument.Parse(File.ReadAllText(TestData.Shared("extraction/scrapinghub/ground-truth.json")));
        var ids = new List<int>();
        int documents = 0;
        foreach (JsonProperty page in truth.RootElement.EnumerateObject())
        {
            string text = page.Value.GetProperty("articleBody").GetString()!;
            ids.Clear();
            tokenizer.EncodeDocument(text.AsSpan(), ids);
            ids.RemoveAt(ids.Count - 1);
            Assert.Equal(stock.EncodeToIds(text), ids);
            documents++;
        }

        Assert.True(documents > 100);
        ids.Clear();
        tokenizer.EncodeDocument(Mixed, ids);
        Assert.Equal([.. stock.EncodeToIds(Mixed), tokenizer.EndOfDocumentId], ids);
    }

    [Theory]
    [MemberData(nameof(BuiltIn))]
    public void Create_BuiltIn_ReportsStockSpecialTokensAndName(string name)
    {
        TextTokenizer tokenizer = Tokenizers.Get(name);
        TiktokenTokenizer stock = Stock(name);

        Assert.Equal(name, tokenizer.Name);
        Assert.Equal(stock.SpecialTokens!["<|endoftext|>"], tokenizer.EndOfDocumentId);
        Assert.Equal(stock.SpecialTokens!.Values.Max() + 1, tokenizer.VocabularySize);
        Assert.Equal("<|endoftext|>", tokenizer.Decode([tokenizer.EndOfDocumentId]));
    }

    [Fact]
    public void EncodeDocument_SpanAndStringOverloads_Agree()
    {
        TextTokenizer tokenizer = Tokenizers.Get("cl100k_base");
        var fromString = new List<int>();
        var fromSpan = new List<int>();

        tokenizer.EncodeDocument(Mixed, fromString);
        tokenizer.EncodeDocument(("xx" + Mixed).AsSpan(2), fromSpan);

        Assert.Equal(fromString, fromSpan);
    }

    [Fact]
    public void EncodeDocument_ParallelCallers_GetSameIds()
    {
        TextTokenizer tokenizer = Tokenizers.Get("o200k_base");
        var expected = new List<int>();
        tokenizer.EncodeDocument(Mixed, expected);

        Parallel.For(0, 64, i =>
        {
            var ids = new List<int>();
            tokenizer.EncodeDocument(Mixed + i, ids);
            Assert.Equal(expected.Take(expected.Count - 3), ids.Take(expected.Count - 3));
        });
    }

    private static TiktokenTokenizer Stock(string name) =>
        name == "gpt2" ? TiktokenTokenizer.CreateForModel("gpt2") : TiktokenTokenizer.CreateForEncoding(name);
}
