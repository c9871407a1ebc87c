using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using CurationPipeline.Extraction;

namespace CurationPipeline.Tests.Extraction;

public sealed class MainContentExtractorTests
{
    private const string Para1 = ArticlePage.Para1;
    private const string Para2 = ArticlePage.Para2;
    private const string Para3 = ArticlePage.Para3;

    private static readonly MainContentExtractor s_extractor = new(new ExtractionOptions());

    private static string Page(string articleExtra = "", string head = "<title>Flood news</title>", string htmlAttributes = "") =>
        ArticlePage.Build(articleExtra, head, htmlAttributes);

    [Fact]
    public void Extract_ArticleWithChrome_KeepsParagraphsDropsNavHeaderFooterScript()
    {
        ExtractionResult result = s_extractor.Extract(Page());

        Assert.True(result.Succeeded, result.Reason);
        Assert.Equal($"{Para1}\n\n{Para2}\n\n{Para3}", result.Text);
        foreach (string chrome in new[] { "Site name header", "World news", "sidebar", "Copyright", "script text", "color" })
        {
            Assert.DoesNotContain(chrome, result.Text);
        }
    }

    [Fact]
    public void Extract_PreBlock_KeepsWhitespace()
    {
        ExtractionResult result = s_extractor.Extract(Page("<pre><code>int x = 1;\n    if (x &gt; 0)\n        return;</code></pre>"));

        Assert.Contains("\n\nint x = 1;\n    if (x > 0)\n        return;\n\n", result.Text);
    }

    [Fact]
    public void Extract_List_OneItemPerLine()
    {
        ExtractionResult result = s_extractor.Extract(Page("<ul><li>first   item</li><li>second <b>item</b></li><li>third item</li></ul>"));

        Assert.Contains("\n\nfirst item\nsecond item\nthird item\n\n", result.Text);
    }

    [Fact]
    public void Extract_Table_OneRowPerLineWithCellSeparator()
    {
        ExtractionResult result = s_extractor.Extract(Page(
            "<table><tr><th>Town</th><th>Level</th></tr><tr><td>Upper</td><td>2.1 m</td></tr><tr><td>Lower</td><td>3.4 m</td></tr></table>"));

        Assert.Contains("\n\nTown | Level\nUpper | 2.1 m\nLower | 3.4 m\n\n", result.Text);
    }

    [Fact]
    public void Extract_Blockquote_IsItsOwnParagraph()
    {
        ExtractionResult result = s_extractor.Extract(Page("<blockquote>We lost everything, again, said one resident.</blockquote>"));

        Assert.Contains($"{Para2}\n\nWe lost everything, again, said one resident.\n\n{Para3}", result.Text);
    }

    [Fact]
    public void Extract_LinkDenseBlock_Dropped()
    {
        ExtractionResult result = s_extractor.Extract(Page(
            "<div><a href='/1'>Related story one</a> <a href='/2'>Related story two</a> <a href='/3'>Another linked headline here</a></div>"));

        Assert.DoesNotContain("Related story", result.Text);
        Assert.Contains(Para3, result.Text);
    }

    [Fact]
    public void Extract_HiddenAndBoilerplateClasses_Dropped()
    {
        ExtractionResult result = s_extractor.Extract(Page(
            "<div style='display: none'>Hidden teaser text</div><div class='share-buttons'>Share on Facebook</div><div class='newsletter-signup'>Subscribe now to our newsletter</div>"));

        Assert.DoesNotContain("Hidden teaser", result.Text);
        Assert.DoesNotContain("Share on", result.Text);
        Assert.DoesNotContain("Subscribe", result.Text);
    }

    [Theory]
    [InlineData("<div hidden id='S:0'>")]
    [InlineData("<div style='visibility:hidden;min-height:100vh'>")]
    public void Extract_WholeArticleHiddenUntilAScriptRuns_HiddenTextKept(string hiddenOpen)
    {
        ExtractionResult result = s_extractor.Extract(
            $"<html><head><title>Flood news</title></head><body>{hiddenOpen}<article><p>{Para1}</p><p>{Para2}</p></article></div>" +
            "<div hidden>Loading spinner</div><script>reveal()</script></body></html>");

        Assert.True(result.Succeeded, result.Reason);
        Assert.Contains(Para1, result.Text);
        Assert.Contains(Para2, result.Text);
    }

    [Fact]
    public void Extract_StreamedChunksHoldMoreTextThanTheShell_ChunksKept()
    {
        // A streaming renderer sends the shell (here an author box) first and the article later in hidden chunks.
        const string Bio = "Jane Doe covers floods, storms and rivers for the paper, and before that she taught geography for ten years. " +
            "She lives by the river with two dogs, a boat and a garden that floods, she says, about once a year, which keeps her honest. " +
            "Write to her at the desk.";
        ExtractionResult result = s_extractor.Extract(
            $"<html><head><title>Flood news</title></head><body><main><template id='B:0'></template><div class='about'><p>{Bio}</p></div></main>" +
            $"<div hidden id='S:0'><article><p>{Para1}</p><p>{Para2}</p><p>{Para3}</p><p>{Para1}</p></article></div><div hidden>Mobile menu</div></body></html>");

        Assert.True(result.Succeeded, result.Reason);
        Assert.Contains(Para1, result.Text);
        Assert.Contains(Para3, result.Text);
    }

    [Fact]
    public void Extract_HiddenPanelShorterThanTheVisibleText_StaysHidden()
    {
        // Only streamed chunks count: an ordinary hidden panel is not put back when the page has enough visible text.
        ExtractionResult result = s_extractor.Extract(Page("<div hidden><p>Hidden panel text that holds a longer note than any one of the visible paragraphs above it.</p></div>"));

        Assert.DoesNotContain("Hidden panel", result.Text);
    }

    [Fact]
    public void Extract_TaskListWithDisabledCheckboxes_Kept()
    {
        // Markdown renderers mark task-list items with disabled checkboxes; the list is content, not a form.
        ExtractionResult result = s_extractor.Extract(Page(
            "<ul><li><input type='checkbox' disabled> Move the furniture upstairs</li><li><input disabled type='checkbox'> Fill the sandbags</li>" +
            "<li><input type='checkbox' disabled checked> Call the insurer</li></ul>"));

        Assert.Contains("Move the furniture upstairs\nFill the sandbags\nCall the insurer", result.Text);
    }

    [Fact]
    public void Extract_ListOfEnabledCheckboxes_CleanedAsAForm()
    {
        ExtractionResult result = s_extractor.Extract(Page(
            "<ul><li><input type='checkbox'> Rivers</li><li><input type='checkbox'> Storms</li><li><input type='checkbox'> Droughts</li></ul>"));

        Assert.DoesNotContain("Rivers", result.Text);
    }

    [Fact]
    public void Extract_FaqSectionBesideTheBodysWrapper_Kept()
    {
        // The questions follow the text in their own section, two levels away from the body's container.
        const string Answer = "Officials expect the river to fall below the flood line by Friday, if no more rain comes overnight.";
        ExtractionResult result = s_extractor.Extract(
            "<html><head><title>Flood news</title></head><body><main><div class='page'>" +
            $"<div class='row'><div class='col'><div class='post-body'><p>{Para1}</p><p>{Para2}</p><p>{Para3}</p></div></div><div class='col'><img src='x.jpg'></div></div>" +
            $"<div class='section-faq'><h2>Questions</h2><div><h3>When will the water recede?</h3><div>{Answer}</div></div></div>" +
            "</div></main></body></html>");

        Assert.Contains(Para3 + "\n\nQuestions\n\nWhen will the water recede?\n\n" + Answer, result.Text);
    }

    [Fact]
    public void Extract_UnclosedAsideAroundMain_PageKept()
    {
        // The announcement bar's <aside> is never closed, so the parser nests the whole page in it.
        ExtractionResult result = s_extractor.Extract(
            "<html><head><title>Flood news</title></head><body><aside class='announcement'><a href='/x'>Join our webinar</a>" +
            $"<main><article><p>{Para1}</p><p>{Para2}</p><p>{Para3}</p></article></main><footer>Copyright footer text</footer></body></html>");

        Assert.Equal($"{Para1}\n\n{Para2}\n\n{Para3}", result.Text);
    }

    [Fact]
    public void Extract_HiddenTabPanels_Kept()
    {
        // Every tab's panel is content; only the chosen one is visible until the reader picks another.
        ExtractionResult result = s_extractor.Extract(Page(
            "<div role='tablist'><span>Python</span><span>Ruby</span></div>" +
            "<div role='tabpanel'><p>Install Python, then add the client library with pip before you run the first script.</p></div>" +
            "<div role='tabpanel' hidden style='display:none'><p>Install Ruby, then add the client library with gem before you run the first script.</p></div>"));

        Assert.Contains("Install Python", result.Text);
        Assert.Contains("Install Ruby", result.Text);
    }

    [Theory]
    [InlineData(9, true)]    // links 0.4 of the block's text: a page builder's block holding the story and its links
    [InlineData(30, false)]  // links 0.7 of it: chrome
    public void Extract_BlockNamedByAnAmbiguousCue_StrippedOnlyWhenMostlyLinks(int links, bool kept)
    {
        const string Notice = "The council will publish the list of closed roads and open shelters every evening at six, on the notice " +
            "board by the town hall and in the local paper, until the river is back below the flood line.";
        string linkList = string.Concat(Enumerable.Range(0, links).Select(i => $"<li><a href='/flood/{i}'>Flood map of district {i:00}</a></li>"));
        ExtractionResult result = s_extractor.Extract(
            $"<html><body><div class='notice'><p>{Notice}</p><p>{Notice}</p></div>" +
            $"<div class='page-widget'><div class='story'><p>{Para1}</p><p>{Para2}</p><p>{Para3}</p></div><ul>{linkList}</ul></div></body></html>");

        Assert.Equal(kept, result.Text.Contains(Para2, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(false, true)]  // linked row labels beside plain data cells: a comparison table
    [InlineData(true, false)]  // every cell a link: a link list laid out as a table
    public void Extract_TableWithLinkedRowLabels_KeptUnlessEveryCellIsALink(bool linkedData, bool kept)
    {
        var table = new System.Text.StringBuilder("<table>");
        foreach (string feature in new[] { "Flood barriers", "Sandbag delivery", "Pump hire", "Night patrols" })
        {
            string data = linkedData ? "<a href='/yes'>Yes</a>" : "Yes";
            table.Append($"<tr><td><a href='/features/{feature.Length}'>{feature}</a></td><td>{data}</td><td>{data}</td></tr>");
        }

        ExtractionResult result = s_extractor.Extract(Page(table.Append("</table>").ToString()));

        Assert.Equal(kept, result.Text.Contains("Sandbag delivery", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("kt-accordion-panel kt-accordion-panel-hidden", true)]  // collapsed until its header is clicked: content
    [InlineData("panel hidden", false)]                                 // a hidden block that names nothing else: chrome
    public void Extract_BlockNamedHidden_KeptOnlyAsACollapsedAccordionPanel(string className, bool kept)
    {
        const string Method = "We read every council report since 2019, interviewed the engineers who surveyed the piers, " +
            "and compared the bids line by line with the region's own estimate.";
        ExtractionResult result = s_extractor.Extract(
            $"<html><body><article><h1>Bridge</h1><p>{Para1} {Para2}</p><p>{Para3} {Para1}</p>" +
            $"<div class='wrap'><div class='{className}'><p>{Method}</p><ul><li>Council reports</li><li>Engineer interviews</li></ul></div></div>" +
            "</article></body></html>");

        Assert.Equal(kept, result.Text.Contains(Method, StringComparison.Ordinal));
    }

    [Fact]
    public void Extract_UnreadAttributes_NotNeededForCleaning()
    {
        // The parser drops attributes extraction never reads; the ones it reads (class, style, role, hidden) still act.
        ExtractionResult result = s_extractor.Extract(Page(
            "<div data-x='1' onclick='go()' class='share-buttons' href='#'>Share on Facebook</div>" +
            "<div role='navigation' data-nav='1'>Menu item</div><span hidden title='t'>Icon text</span>"));

        Assert.Equal($"{Para1}\n\n{Para2}\n\n{Para3}", result.Text);
    }

    [Fact]
    public void Extract_HeadlineMatchingTitleAndCaptions_DroppedButSubheadingsKept()
    {
        ExtractionResult result = s_extractor.Extract(Page(
            "<h1>Flood news from the lower town</h1><figure><img src='x.jpg'><figcaption>Boats on Main Street (Photo: Agency)</figcaption></figure>" +
            "<h2>What happens next</h2>",
            head: "<title>Flood news from the lower town | Example Times</title>"));

        Assert.Equal("Flood news from the lower town | Example Times", result.Title);
        Assert.DoesNotContain("Flood news from", result.Text);
        Assert.DoesNotContain("Boats on Main Street", result.Text);
        Assert.Contains($"{Para2}\n\nWhat happens next\n\n{Para3}", result.Text);
    }

    [Fact]
    public void Extract_Nbsp_BecomesOneSpace()
    {
        ExtractionResult result = s_extractor.Extract(Page("<p>Water&nbsp;levels&nbsp;&nbsp; at\u00A0record, experts said today.</p>"));

        Assert.Contains("Water levels at record, experts said today.", result.Text);
    }

    [Theory]
    [InlineData("<title> Flood\n news </title>", "Flood news")]
    [InlineData("<title>Site | Flood</title><meta property=\"og:title\" content=\"Flood news\">", "Flood news")]
    [InlineData("", "")]
    public void Extract_Title_FromOgTitleThenTitle(string head, string expected)
    {
        Assert.Equal(expected, s_extractor.Extract(Page(head: head)).Title);
    }

    [Fact]
    public void Extract_NoTitleElement_FallsBackToH1()
    {
        ExtractionResult result = s_extractor.Extract(Page("<h1>River floods town</h1>", head: ""));

        Assert.Equal("River floods town", result.Title);
    }

    [Theory]
    [InlineData("lang=\"en\"", "", "en")]
    [InlineData("lang=\"pt-BR\"", "", "pt-br")]
    [InlineData("", "<meta http-equiv=\"Content-Language\" content=\"de_DE\">", "de-de")]
    [InlineData("", "<meta property=\"og:locale\" content=\"en_US\">", "en-us")]
    [InlineData("lang=\"not a language!\"", "", null)]
    [InlineData("", "", null)]
    public void Extract_DeclaredLanguage_Normalized(string htmlAttributes, string head, string? expected)
    {
        Assert.Equal(expected, s_extractor.Extract(Page(head: head, htmlAttributes: htmlAttributes)).Language);
    }

    [Fact]
    public void Extract_OverMaxHtmlChars_TooLarge()
    {
        var extractor = new MainContentExtractor(new ExtractionOptions { MaxHtmlChars = 100 });

        ExtractionResult result = extractor.Extract(Page());

        Assert.False(result.Succeeded);
        Assert.Equal(ExtractionReasons.TooLarge, result.Reason);
        Assert.Equal("", result.Text);
    }

    [Fact]
    public void Extract_OverMaxDomNodes_TooManyNodes()
    {
        var extractor = new MainContentExtractor(new ExtractionOptions { MaxDomNodes = 20, Timeout = TimeSpan.FromMinutes(5) });

        Assert.Equal(ExtractionReasons.TooManyNodes, extractor.Extract(Page()).Reason);
    }

    [Fact]
    public void Extract_ParseBackstopExpired_TimeoutWithoutThrowing()
    {
        var extractor = new MainContentExtractor(new ExtractionOptions(), new ExpiredTimeProvider());

        ExtractionResult result = extractor.Extract(Page());

        Assert.False(result.Succeeded);
        Assert.Equal(ExtractionReasons.Timeout, result.Reason);
    }

    [Fact]
    public void Extract_ClockJumpingAhead_SameResultAsRealClock()
    {
        // After parsing no limit reads the clock: a clock that jumps 5 s per reading changes nothing.
        var extractor = new MainContentExtractor(new ExtractionOptions { Timeout = TimeSpan.FromSeconds(2) }, new SteppingTimeProvider(TimeSpan.FromSeconds(5)));

        Assert.Equal(s_extractor.Extract(Page()), extractor.Extract(Page()));
    }

    [Theory]
    [InlineData(50_000, "<div>", "</div>")]
    [InlineData(50_000, "<b><i>", "")]
    [InlineData(50_000, "<font>", "")]
    public void Extract_PathologicalNesting_TooDeepBeforeParsing(int depth, string open, string close)
    {
        string html = "<html><body>" + string.Concat(Enumerable.Repeat(open, depth)) + Para1 + string.Concat(Enumerable.Repeat(close, depth)) + "</body></html>";
        long start = Stopwatch.GetTimestamp();

        ExtractionResult result = s_extractor.Extract(html);

        Assert.Equal(ExtractionReasons.TooDeep, result.Reason);
        Assert.True(Stopwatch.GetElapsedTime(start) < TimeSpan.FromSeconds(60)); // bounded, not a speed target: CI machines are loaded
    }

    [Fact]
    public void Extract_ShallowTagsUnderDeepNesting_TooDeep()
    {
        // 5,000 open spans are cheap alone; 20,000 sibling divs under them each make the parser scan the whole stack.
        string html = "<html><body>" + string.Concat(Enumerable.Repeat("<span>", 5_000)) + string.Concat(Enumerable.Repeat("<div>x</div>", 20_000)) + "</body></html>";

        Assert.Equal(ExtractionReasons.TooDeep, s_extractor.Extract(html).Reason);
    }

    [Fact]
    public void Extract_NestedTables_ParsedWithinLimits()
    {
        string html = "<html><body>" + string.Concat(Enumerable.Repeat("<table><tr><td>", 20_000)) + Para1 + "</body></html>";

        ExtractionResult result = s_extractor.Extract(html);

        Assert.True(result.Succeeded, result.Reason);
        Assert.Contains("river rose", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_TwentyThousandSiblingParagraphs_EndsInBoundedTime()
    {
        string html = "<html><body>" + string.Concat(Enumerable.Repeat($"<div class='c'><p>{Para1}</p></div>", 20_000)) + "</body></html>";
        long start = Stopwatch.GetTimestamp();

        // The repeats are written once: what is left is one short paragraph, kept whatever its confidence.
        ExtractionResult result = new MainContentExtractor(new ExtractionOptions { MinLowConfidenceWords = 0 }).Extract(html);

        Assert.True(Stopwatch.GetElapsedTime(start) < TimeSpan.FromSeconds(60)); // bounded, not a speed target: CI machines are loaded
        Assert.True(result.Succeeded, result.Reason);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t ")]
    [InlineData("<html><body></body></html>")]
    [InlineData("<script>only script</script>")]
    [InlineData("\0\u0001\uFFFD\uD800binary\u0002<<<>>>&&&;;")]
    public void Extract_EmptyOrGarbage_DefinedOutcome(string html)
    {
        ExtractionResult result = s_extractor.Extract(html);

        Assert.True(result.Succeeded || result.Reason == ExtractionReasons.Empty, result.Reason);
        Assert.DoesNotContain("only script", result.Text);
    }

    [Fact]
    public void Extract_RandomBytesAsText_NeverThrows()
    {
        var random = new Random(12345);
        var builder = new StringBuilder();
        for (int page = 0; page < 20; page++)
        {
            builder.Clear();
            for (int i = 0; i < 5000; i++)
            {
                builder.Append(random.Next(8) == 0 ? "<>/&\"'="[random.Next(7)] : (char)random.Next(0, 0x3000));
            }

            ExtractionResult result = s_extractor.Extract(builder.ToString());

            Assert.True(result.Succeeded || result.Reason is not null);
        }
    }

    [Fact]
    public void Extract_SharedInstanceOnManyThreads_SameResultsAsSequential()
    {
        string[] pages = Directory.EnumerateFiles(TestData.Shared("extraction/scrapinghub/html"), "*.html.gz")
            .Order(StringComparer.Ordinal).Take(24).Select(ReadGzip).ToArray();
        string[] sequential = pages.Select(p => s_extractor.Extract(p).Text).ToArray();
        var parallel = new string[pages.Length];

        Parallel.For(0, pages.Length * 4, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => parallel[i % pages.Length] = s_extractor.Extract(pages[i % pages.Length]).Text);

        Assert.Equal(sequential, parallel);
        Assert.All(sequential, text => Assert.NotEmpty(text));
    }

    [Fact]
    public void Ctor_InvalidOptions_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new MainContentExtractor(new ExtractionOptions { Timeout = TimeSpan.Zero }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MainContentExtractor(new ExtractionOptions { MaxDomNodes = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MainContentExtractor(new ExtractionOptions { MaxNestingWork = 0 }));
    }

    private static string ReadGzip(string path)
    {
        using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>A clock whose timers have all expired when they are created.</summary>
    private sealed class ExpiredTimeProvider : TimeProvider
    {
        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            callback(state);
            return base.CreateTimer(_ => { }, null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>A clock that moves forward by a fixed step every time it is read.</summary>
    private sealed class SteppingTimeProvider(TimeSpan step) : TimeProvider
    {
        private long _now;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _now += step.Ticks;
    }

    [Fact]
    public void Extract_LinkedSectionHeading_Kept()
    {
        // A heading that links to its own anchor (or to the full review) titles the text below it; only its name could condemn it.
        string html = ArticlePage.Build("<h2><a href='#cleanup'>How the cleanup will run</a></h2>");

        ExtractionResult result = s_extractor.Extract(html);

        Assert.Contains("How the cleanup will run", result.Text);
        Assert.Contains(ArticlePage.Para3, result.Text);
    }

    [Theory]
    [InlineData("<div id='skip-link-target'>")] // what "skip to content" links jump to: the content
    [InlineData("<div class='node node--promoted'>")] // Drupal's class for a node promoted to the front page, not a promo box
    public void Extract_WrapperNamedLikeChromeButNot_Kept(string wrapper)
    {
        // Were the wrapper stripped, the note beside it would pass for the page's text.
        string html = $"<html><body><header><a href='/'>Site</a></header>{wrapper}<article><p>{ArticlePage.Para1}</p><p>{ArticlePage.Para2}</p>"
            + $"<p>{ArticlePage.Para3}</p></article></div><div class='site-info'><p>The town paper has reported on the valley since 1888, and it "
            + "is printed, folded and delivered each morning by a team of forty, who also run the archive, the letters page and the small shop "
            + "where back issues are sold.</p></div></body></html>";

        ExtractionResult result = s_extractor.Extract(html);

        Assert.Contains(ArticlePage.Para1, result.Text);
        Assert.Contains(ArticlePage.Para3, result.Text);
    }

    [Fact]
    public void Extract_AriaHiddenText_KeptAsVisible()
    {
        // aria-hidden hides text from screen readers only; on screen it is part of the article.
        ExtractionResult result = s_extractor.Extract(Page("<p aria-hidden='true'>The pumps ran all night, and by morning the square was dry again.</p>"));

        Assert.Contains("The pumps ran all night", result.Text);
    }

    [Fact]
    public void Extract_VisibilityHiddenKept_DisplayNoneDropped()
    {
        // Scroll-reveal effects start blocks at visibility:hidden (they keep their place on the page); display:none takes them out.
        ExtractionResult result = s_extractor.Extract(Page(
            "<p style='visibility: hidden'>The pumps ran all night, and by morning the square was dry again.</p>"
            + "<p style='display:none'>Subscribe to read the rest of this story and every other story on the site.</p>"));

        Assert.Contains("The pumps ran all night", result.Text);
        Assert.DoesNotContain("Subscribe", result.Text);
    }

    [Fact]
    public void Extract_SectionHeaderHoldingText_KeptButBylineHeaderDropped()
    {
        // A <header> inside <main> heads that section, not the page; page builders put whole text sections in one.
        string section = string.Concat(Enumerable.Repeat($"<p>{ArticlePage.Para1}</p><p>{ArticlePage.Para2}</p><p>{ArticlePage.Para3}</p>", 4));
        string html = "<html><body><header><a href='/'>Site</a> <a href='/about'>About</a></header><main>"
            + $"<header class='section-landing'><div class='rich-text'>{section}</div></header>"
            + "<article><header><span>By A. Reporter, 3 March</span></header><p>The pumps ran all night, and by morning the square was dry.</p></article>"
            + "</main></body></html>";

        ExtractionResult result = s_extractor.Extract(html);

        Assert.Contains(ArticlePage.Para3, result.Text);
        Assert.DoesNotContain("By A. Reporter", result.Text);
        Assert.DoesNotContain("About", result.Text);
    }
}
