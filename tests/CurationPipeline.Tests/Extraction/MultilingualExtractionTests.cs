using System.Globalization;
using CurationPipeline.Documents;
using CurationPipeline.Extraction;

namespace CurationPipeline.Tests.Extraction;

public sealed class MultilingualExtractionTests
{
    private const string ArcSample = "warc/arc/chatnoir-copycat/small-sample-1213893279526_0.arc";
    private const string ClueWeb = "warc/other-real/resiliparse/clueweb-quirk.warc.gz";

    // Decoding is tested, not the content choice: short pages are kept whatever their confidence.
    private static readonly MainContentExtractor s_extractor = new(new ExtractionOptions { MinLowConfidenceWords = 0 });

    public static TheoryData<string, string, string[]> SharedPages => new()
    {
        // Chinese, gb2312 declared, decoded as GBK.
        { ArcSample, "http://bbs.shejis.com/forum-112-1.html", ["赛尔社区", "市政给排"] },
        { ArcSample, "http://mtv.50004.com/mtv/5577_1.htm", ["华人男歌手"] },
        // German: utf-8, and windows-1252 (declared iso-8859-1).
        { ArcSample, "http://www.golfbidder.com/de/help/helpterms.aspx", ["Geschäftsbedingungen", "bezüglich"] },
        { ArcSample, "http://shop.independent-store.com/page/shop/browse/keyword/uhren", ["Preise verstehen sich inclusive deutscher Mehrwertsteuer"] },
        // Japanese: euc-jp in an ARC, and in ClueWeb09 behind a false Content-Encoding.
        { ArcSample, "http://www.sekkenweb.com/", ["手作り石けん"] },
        { ClueWeb, "http://www.uraharajuku.st/shopdetail/001005000005/019/000/order/", ["ノートパソコン", "ブリーフケース"] },
    };

    [Theory]
    [MemberData(nameof(SharedPages))]
    public async Task Extract_SharedNonEnglishPage_CleanlyDecodedText(string fixture, string url, string[] words)
    {
        RawDocument page = await WarcPages.FindAsync(TestData.Shared(fixture), url);

        ExtractionResult result = s_extractor.Extract(page.Content.Memory, url);

        Assert.True(result.Succeeded, result.Reason);
        foreach (string word in words)
        {
            Assert.Contains(word, result.Text);
        }

        AssertNoMojibake(result.Text);
    }

    public static TheoryData<string, string, string> QuickstartPages => new()
    {
        // iso-8859-1 declared only in the HTTP header.
        { "nachrichten-nord.example/de/stadtbibliothek-verlaengert-oeffnungszeiten.html", "de", "Die Stadtbibliothek öffnet ab dem kommenden Monat" },
        { "journal-du-lac.example/fr/le-marche-du-samedi-change-de-place.html", "fr", "À partir du mois prochain, le marché du samedi" },
        // windows-1251 with no declaration at all (detected), and declared in the header.
        { "zametki-sadovoda.example/ru/kak-ya-vyrastil-tomaty-na-balkone.html", "ru", "Прошлой весной я решил попробовать вырастить томаты" },
        { "novosti-goroda.example/ru/avtobusy-nachnut-khodit-chashche.html", "ru", "С первого числа следующего месяца интервал движения" },
        // gbk in <meta>, gb2312 in the header only.
        { "xinwen-wang.example/zh/chengshi-xin-gongyuan-kaifang.html", "zh", "位于河边的城市新公园今天正式向市民开放。" },
        { "xinwen-wang.example/zh/gongjiao-xianlu-tiaozheng.html", "zh", "市交通部门宣布，从下个月起将对五条公交线路进行调整" },
        { "nikki-blog.example/ja/hajimete-no-pan-zukuri.html", "ja", "先週末、初めて自宅でパンを焼いてみました。" },
        { "machi-news.example/ja/eki-mae-no-toshokan-ga-rinyuaru.html", "ja", "駅前の市立図書館が約半年の改装工事を終え" },
    };

    [Theory]
    [MemberData(nameof(QuickstartPages))]
    public async Task Extract_QuickstartLegacyCharsetPage_CleanlyDecodedText(string url, string language, string sentence)
    {
        RawDocument page = await WarcPages.FindAsync(WarcPages.Quickstart, "https://" + url);

        ExtractionResult result = s_extractor.Extract(page.Content.Memory, page.Url);

        Assert.True(result.Succeeded, result.Reason);
        Assert.Equal(language, result.Language);
        Assert.Contains(sentence, result.Text);
        AssertNoMojibake(result.Text);
    }

    [Fact]
    public async Task Extract_EveryQuickstartNonEnglishPage_TextInTheDeclaredScript()
    {
        var seen = new Dictionary<string, int>();
        foreach (RawDocument page in await WarcPages.ReadHtmlAsync(WarcPages.Quickstart))
        {
            ExtractionResult result = s_extractor.Extract(page.Content.Memory, page.Url);
            if (result.Language is null or "en" || result.Language.StartsWith("en-", StringComparison.Ordinal))
            {
                continue;
            }

            Assert.True(result.Succeeded, $"{page.Url}: {result.Reason}");
            AssertNoMojibake(result.Text);
            double share = ScriptShare(result.Text, result.Language);
            Assert.True(share >= 0.9, $"{page.Url}: only {share:P0} of the letters are in the script of '{result.Language}'");
            seen[result.Language] = seen.GetValueOrDefault(result.Language) + 1;
        }

        // sample-warc/README.md: de 4, fr 4, es 4, ru 4, zh 5, ja 4, plus the gbk and iso-8859-1 mirrors.
        Assert.Equal(new Dictionary<string, int> { ["de"] = 5, ["fr"] = 4, ["es"] = 4, ["ru"] = 4, ["zh"] = 6, ["ja"] = 4 }, seen);
    }

    /// <summary>The share of letters written in the script the language uses (Latin, Cyrillic, Han, or Han plus kana).</summary>
    private static double ScriptShare(string text, string language)
    {
        int letters = 0;
        int inScript = 0;
        foreach (char c in text)
        {
            if (!char.IsLetter(c))
            {
                continue;
            }

            letters++;
            bool matches = language switch
            {
                "ru" => c is >= '\u0400' and <= '\u04FF',
                "zh" => c is >= '\u4E00' and <= '\u9FFF',
                "ja" => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3040' and <= '\u30FF',
                _ => char.IsAscii(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.LowercaseLetter or UnicodeCategory.UppercaseLetter && c < '\u0250',
            };
            inScript += matches ? 1 : 0;
        }

        return letters == 0 ? 0 : (double)inScript / letters;
    }

    /// <summary>No replacement characters and none of the signatures of UTF-8 read as a single-byte charset.</summary>
    private static void AssertNoMojibake(string text)
    {
        Assert.DoesNotContain('\uFFFD', text);
        foreach (string signature in (string[])["Ã", "Â", "Ð", "Ñ€", "â€", "ï»¿"])
        {
            Assert.DoesNotContain(signature, text);
        }
    }
}
