using CurationPipeline.Filters.Text;

namespace CurationPipeline.Tests.Filters;

public sealed class WordSplitterTests
{
    public static TheoryData<string, string[]> Cases => new()
    {
        // Punctuation becomes its own token, as NLTK does.
        { "Hello, world.", ["Hello", ",", "world", "."] },
        // Apostrophe, hyphen and period between word characters stay inside the word.
        { "don't e-mail 3.14", ["don't", "e-mail", "3.14"] },
        // A joiner not followed by a word character ends the word and starts a symbol token.
        { "end- wordy...", ["end", "-", "wordy", "..."] },
        // Runs of symbols are one token each.
        { "?! # ...", ["?!", "#", "..."] },
        // Chinese: one token per Han character; the ideographic full stop is a symbol.
        { "我爱北京。", ["我", "爱", "北", "京", "。"] },
        // Japanese kana: one token per character, mixed with Latin words.
        { "ひらがなとGPU", ["ひ", "ら", "が", "な", "と", "GPU"] },
        // Thai: สวัสดี = ส ว+ั ส ด+ี ; combining vowels stay with their consonant.
        { "สวัสดี", ["ส", "วั", "ส", "ดี"] },
        // Korean is written with spaces and split like Latin text.
        { "안녕하세요 세계", ["안녕하세요", "세계"] },
        // A lone surrogate is a symbol character, never an exception.
        { "\uD800abc", ["\uD800", "abc"] },
        { "", [] },
        { " \n\t ", [] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void EnumerateWords_Text_YieldsExpectedTokens(string text, string[] expected)
    {
        var tokens = new List<string>();
        foreach (ReadOnlySpan<char> token in WordSplitter.EnumerateWords(text))
        {
            tokens.Add(token.ToString());
        }

        Assert.Equal(expected, tokens);
        Assert.Equal(expected.Length, WordSplitter.CountWords(text));
    }

    [Fact]
    public void EnumerateWords_ChineseParagraph_IsNotOneWord()
    {
        const string paragraph = "数据清洗是训练大型语言模型的重要步骤，它决定了模型最终的质量。";
        // 31 characters: 29 Han characters and 2 punctuation marks (，。), each its own token.
        Assert.Equal(31, WordSplitter.CountWords(paragraph));
    }

    [Fact]
    public void EnumerateWords_CurrentStart_PointsIntoInput()
    {
        var enumerator = WordSplitter.EnumerateWords("  ab cd");
        Assert.True(enumerator.MoveNext());
        Assert.Equal(2, enumerator.CurrentStart);
        Assert.True(enumerator.MoveNext());
        Assert.Equal(5, enumerator.CurrentStart);
        Assert.False(enumerator.MoveNext());
    }
}
