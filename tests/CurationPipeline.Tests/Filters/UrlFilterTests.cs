using CurationPipeline.Filters;

namespace CurationPipeline.Tests.Filters;

public sealed class UrlFilterTests : IDisposable
{
    private readonly string _dir = TestData.NewTempDirectory();
    private readonly UrlFilter _filter;

    public UrlFilterTests()
    {
        _filter = new UrlFilter(new UrlFilterOptions
        {
            BlockedDomainsPath = Write("domains", "# UT1-style list\nblocked.com\nSub.Listed.org\n"),
            BlockedUrlsPath = Write("urls", "https://example.com/exact/page\n"),
            BannedWordsPath = Write("banned", "casino\n"),
            SoftBannedWordsPath = Write("soft", "free\nbonus\nslots\n"),
            BannedSubwordsPath = Write("subwords", "xxx\n"),
        });
    }

    public static TheoryData<string?, string?> Cases => new()
    {
        { "https://blocked.com/page", FilterReasons.UrlBlockedDomain },
        { "https://deep.sub.blocked.com/page", FilterReasons.UrlBlockedDomain }, // parent domain listed
        { "http://sub.listed.org/", FilterReasons.UrlBlockedDomain }, // list entries are lower-cased
        { "https://listed.org/", null }, // only the sub-domain is listed
        { "https://notblocked.com/", null }, // suffix match is per label, not per character
        { "https://example.com/exact/page", FilterReasons.UrlBlockedUrl },
        { "https://example.com/exact/page2", null },
        { "https://example.com/Casino-Games", FilterReasons.UrlBannedWord },
        { "https://example.com/casinos", null }, // "casinos" is not the word "casino"
        { "https://example.com/free-bonus", FilterReasons.UrlSoftBannedWords }, // 2 soft words ≥ 2
        { "https://example.com/free-free", null }, // 1 distinct soft word
        { "https://example.com/bestxxxvideos", FilterReasons.UrlBannedSubword },
        { "https://example.com/a.b-c", null },
        { null, null }, // no URL: nothing to judge
        { "not a url", FilterReasons.UrlInvalid },
        { "ftp://example.com/file", FilterReasons.UrlInvalid },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Evaluate_Url_ExpectedVerdict(string? url, string? reason)
    {
        FilterOutcome outcome = _filter.Evaluate("ignored text", url);
        Assert.Equal(reason is null ? FilterVerdict.Kept : FilterVerdict.Drop(reason), outcome.Verdict);
        Assert.IsType<UrlSignals>(outcome.Signals);
    }

    [Fact]
    public void ComputeSignals_SoftWords_CountedDistinct()
    {
        UrlSignals s = _filter.ComputeSignals("https://example.com/free/free/slots");
        Assert.Equal(2, s.SoftBannedWordCount);
        Assert.Equal(0, s.BannedWordCount);
    }

    [Fact]
    public void Constructor_MissingListFile_Throws() =>
        Assert.Throws<FileNotFoundException>(() => new UrlFilter(new UrlFilterOptions { BlockedDomainsPath = Path.Combine(_dir, "missing") }));

    [Fact]
    public void Constructor_NoList_ThrowsNamingTheKeys()
    {
        var e = Assert.Throws<ArgumentException>(() => new UrlFilter(new UrlFilterOptions()));

        Assert.Contains("blocked_domains_path", e.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string content)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllText(path, content);
        return path;
    }
}
