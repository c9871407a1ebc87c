using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using CurationPipeline.Documents;
using CurationPipeline.Extraction;

namespace CurationPipeline.Tests.Extraction;

/// <summary>The code tutorials and math pages of the bundled quickstart crawl keep every code block and formula.</summary>
public sealed partial class QuickstartCodeAndMathTests
{
    private static readonly MainContentExtractor s_text = new(new ExtractionOptions());
    private static readonly MainContentExtractor s_markdown = new(new ExtractionOptions { Format = ExtractionFormat.Markdown });

    [Fact]
    public async Task Extract_CodeTutorials_EveryCodeBlockVerbatimAndFencedWithItsLanguage()
    {
        int blocks = 0;
        foreach (RawDocument page in await WarcPages.ReadHtmlAsync(WarcPages.Quickstart))
        {
            using IDocument dom = new HtmlParser().ParseDocument(page.Content.ToString());
            IHtmlCollection<IElement> pres = dom.QuerySelectorAll("article pre");
            if (pres.Length == 0)
            {
                continue;
            }

            string text = s_text.Extract(page.Content.Memory, page.Url).Text;
            string markdown = s_markdown.Extract(page.Content.Memory, page.Url).Text;
            foreach (IElement pre in pres)
            {
                string code = pre.TextContent.Replace("\r", "", StringComparison.Ordinal).TrimEnd();
                string language = pre.QuerySelector("code")?.ClassName?.Replace("language-", "", StringComparison.Ordinal) ?? "";
                Assert.Contains(code, text);
                Assert.Contains($"```{language}\n{code}\n```", markdown);
                blocks++;
            }
        }

        // sample-warc/README.md: 12 tutorials (4 Python, 4 C#, 4 JavaScript).
        Assert.True(blocks >= 12, $"{blocks} code blocks");
    }

    [Fact]
    public async Task Extract_MathJaxSourcePages_EveryTexSpanKept()
    {
        int formulas = 0;
        foreach (RawDocument page in await WarcPages.ReadHtmlAsync(WarcPages.Quickstart))
        {
            using IDocument dom = new HtmlParser().ParseDocument(page.Content.ToString());
            string articleText = dom.QuerySelector("article")?.TextContent ?? "";
            MatchCollection spans = TexSpan().Matches(articleText);
            if (spans.Count == 0)
            {
                continue;
            }

            string text = s_text.Extract(page.Content.Memory, page.Url).Text;
            foreach (Match span in spans)
            {
                Assert.Contains(Whitespace().Replace(span.Value, " "), text);
                formulas++;
            }
        }

        Assert.True(formulas >= 6, $"{formulas} TeX spans");
    }

    [Fact]
    public async Task Extract_MathMlPages_EveryFormulaBecomesDisplayOrInlineLatex()
    {
        int pages = 0;
        foreach (RawDocument page in await WarcPages.ReadHtmlAsync(WarcPages.Quickstart))
        {
            using IDocument dom = new HtmlParser().ParseDocument(page.Content.ToString());
            int mathElements = dom.QuerySelectorAll("math").Length;
            if (mathElements == 0)
            {
                continue;
            }

            string text = s_text.Extract(page.Content.Memory, page.Url).Text;
            Assert.Equal(mathElements, LatexSpan().Count(text));
            pages++;
        }

        Assert.Equal(4, pages);
    }

    [Fact]
    public async Task Extract_BinomialTheoremPage_MathMlToExactLatex()
    {
        RawDocument page = (await WarcPages.ReadHtmlAsync(WarcPages.Quickstart)).First(p => p.Content.ToString().Contains("<h1>The binomial theorem</h1>", StringComparison.Ordinal));

        string text = s_text.Extract(page.Content.Memory, page.Url).Text;

        Assert.Contains("binomial coefficients:\n\n$${(x+y)}^{n}=\\sum_{k=0}^{n}(\\genfrac{}{}{0pt}{}{n}{k})x^{n-k}y^{k}$$\n\nThe coefficients", text);
    }

    [GeneratedRegex(@"\\\(.+?\\\)|\\\[.+?\\\]|\$\$.+?\$\$", RegexOptions.Singleline)]
    private static partial Regex TexSpan();

    [GeneratedRegex(@"\$\$[^$]+\$\$|\$[^$]+\$")]
    private static partial Regex LatexSpan();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
