using CurationPipeline.Tokenization;

namespace CurationPipeline.Tests.Tokenization;

public sealed class TokenizerFactoryTests
{
    [Fact]
    public void Create_UnknownName_ThrowsNamingTheChoices()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => TokenizerFactory.Create(new TokenizerOptions { Name = "p51k" }));

        Assert.Equal(nameof(TokenizerOptions.Name), ex.ParamName);
        Assert.Contains("cl100k_base", ex.Message);
    }

    [Fact]
    public void Create_MissingFile_ThrowsFileNotFound()
    {
        string path = Path.Combine(TestData.NewTempDirectory(), "tokenizer.json");

        var ex = Assert.Throws<FileNotFoundException>(() => TokenizerFactory.Create(new TokenizerOptions { Path = path }));

        Assert.Equal(path, ex.FileName);
    }

    [Fact]
    public void Create_TokenizerJson_AppliesBothMergeFormsAndUsesEndOfText()
    {
        string path = TinyTokenizerJson.Write(TestData.NewTempDirectory());
        TextTokenizer tokenizer = TokenizerFactory.Create(new TokenizerOptions { Name = "tiny", Path = path });
        var ids = new List<int>();

        tokenizer.EncodeDocument("he the", ids);

        Assert.Equal("tiny", tokenizer.Name);
        Assert.Equal(TinyTokenizerJson.EndOfText, tokenizer.EndOfDocumentId);
        Assert.Equal(TinyTokenizerJson.Pad + 1, tokenizer.VocabularySize);
        Assert.Equal([TinyTokenizerJson.He, TinyTokenizerJson.SpaceThe, TinyTokenizerJson.EndOfText], ids);
    }

    [Fact]
    public void Create_TokenizerJsonPathAsName_LoadsIt()
    {
        string path = TinyTokenizerJson.Write(TestData.NewTempDirectory());

        TextTokenizer tokenizer = TokenizerFactory.Create(new TokenizerOptions { Name = path });

        Assert.Equal(path, tokenizer.Name);
        Assert.Equal(TinyTokenizerJson.EndOfText, tokenizer.EndOfDocumentId);
    }

    [Fact]
    public void EncodeDocument_TokenizerJson_RoundTripsAndKeepsAddedTokensPlain()
    {
        string path = TinyTokenizerJson.Write(TestData.NewTempDirectory());
        TextTokenizer tokenizer = TokenizerFactory.Create(new TokenizerOptions { Path = path });
        string text = TextTokenizerTests.Mixed + " <|endoftext|><pad> the end";
        var ids = new List<int>();

        tokenizer.EncodeDocument(text, ids);

        Assert.Equal(TinyTokenizerJson.EndOfText, ids[^1]);
        Assert.DoesNotContain(ids.Take(ids.Count - 1), id => id is TinyTokenizerJson.EndOfText or TinyTokenizerJson.Pad);
        Assert.Equal(text, tokenizer.Decode(ids.Take(ids.Count - 1)));
    }

    [Fact]
    public void Create_TokenizerJsonWithoutEndOfText_ThrowsInvalidData()
    {
        string path = TinyTokenizerJson.Write(TestData.NewTempDirectory(), withEndOfText: false);

        var ex = Assert.Throws<InvalidDataException>(() => TokenizerFactory.Create(new TokenizerOptions { Path = path }));

        Assert.Contains("end-of-document", ex.Message);
    }

    [Fact]
    public void Create_TokenizerJsonNotBpe_ThrowsInvalidData()
    {
        string path = TinyTokenizerJson.Write(TestData.NewTempDirectory(), modelType: "WordPiece");

        var ex = Assert.Throws<InvalidDataException>(() => TokenizerFactory.Create(new TokenizerOptions { Path = path }));

        Assert.Contains("BPE", ex.Message);
    }

    [Fact]
    public void Create_TokenizerJsonNotJson_ThrowsInvalidData()
    {
        string path = Path.Combine(TestData.NewTempDirectory(), "tokenizer.json");
        File.WriteAllText(path, "{ not json");

        Assert.Throws<InvalidDataException>(() => TokenizerFactory.Create(new TokenizerOptions { Path = path }));
    }

    [Fact]
    public void Create_DamagedSentencePieceModel_ThrowsInvalidData()
    {
        string path = Path.Combine(TestData.NewTempDirectory(), "spm.model");
        File.WriteAllBytes(path, [0xFF, 0xFF, 0xFF, 0x01, 0x02]);

        var ex = Assert.Throws<InvalidDataException>(() => TokenizerFactory.Create(new TokenizerOptions { Path = path }));

        Assert.Contains(path, ex.Message);
    }

    [Fact]
    public void Create_SentencePieceModel_UsesEosAndRoundTripsWithByteFallback()
    {
        string path = TinySentencePieceModel.Write(TestData.NewTempDirectory());
        TextTokenizer tokenizer = TokenizerFactory.Create(new TokenizerOptions { Name = "tiny-spm", Path = path });
        string text = "the cat " + TextTokenizerTests.Mixed + " </s><s> end";
        var ids = new List<int>();

        tokenizer.EncodeDocument(text, ids);

        Assert.Equal(TinySentencePieceModel.EndOfSentence, tokenizer.EndOfDocumentId);
        Assert.Equal(TinySentencePieceModel.PieceCount, tokenizer.VocabularySize);
        Assert.Equal(TinySentencePieceModel.EndOfSentence, ids[^1]);
        Assert.DoesNotContain(ids.Take(ids.Count - 1), id => id is 0 or 1 or TinySentencePieceModel.EndOfSentence);
        Assert.Equal(text, tokenizer.Decode(ids.Take(ids.Count - 1)));
        ids.Clear();
        tokenizer.EncodeDocument(" the a", ids);
        Assert.Equal([TinySentencePieceModel.SpaceThe, TinySentencePieceModel.SpaceA, TinySentencePieceModel.EndOfSentence], ids);
    }
}
