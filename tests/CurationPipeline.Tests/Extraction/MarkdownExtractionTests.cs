using CurationPipeline.Extraction;
using CurationPipeline.Pipelines;
using CurationPipeline.Pipelines.Configuration;

namespace CurationPipeline.Tests.Extraction;

public sealed class MarkdownExtractionTests
{
    private static readonly MainContentExtractor s_markdown = new(new ExtractionOptions { Format = ExtractionFormat.Markdown });

    private static string Extract(string articleExtra)
    {
        ExtractionResult result = s_markdown.Extract(ArticlePage.Build(articleExtra));
        Assert.True(result.Succeeded, result.Reason);
        return result.Text;
    }

    [Fact]
    public void Extract_Markdown_FullArticle()
    {
        string text = Extract("""
            <h2>Water levels</h2>
            <p>Measured at <code>gauge_7</code> on the <em>east</em> bank, once an hour, by the river authority.</p>
            <table><thead><tr><th>Town</th><th>Level</th></tr></thead><tbody><tr><td>Upper</td><td>2.1 m</td></tr><tr><td>Lower | old</td><td>3.4 m</td></tr></tbody></table>
            <h3>What to do</h3>
            <ol start="3"><li>Move valuables upstairs.</li><li>Switch off the power:<ul><li>mains</li><li>generator</li></ul></li></ol>
            <ul><li>Call the hotline.</li></ul>
            <blockquote><p>We lost everything, again, said one resident.</p><p>Then we rebuilt.</p></blockquote>
            <pre class="language-python"><code>level = read(gauge)
            if level &gt; 3:
                alert()
            </code></pre>
            <p>The flow is <script type="math/tex">Q = vA</script> and in total</p>
            <script type="math/tex; mode=display">V = \int Q\,dt</script>
            """);

        Assert.Equal($$$"""
            {{{ArticlePage.Para1}}}

            {{{ArticlePage.Para2}}}

            ## Water levels

            Measured at `gauge_7` on the east bank, once an hour, by the river authority.

            | Town | Level |
            | --- | --- |
            | Upper | 2.1 m |
            | Lower \| old | 3.4 m |

            ### What to do

            3. Move valuables upstairs.
            4. Switch off the power:

               - mains
               - generator

            - Call the hotline.

            > We lost everything, again, said one resident.
            >
            > Then we rebuilt.

            ```python
            level = read(gauge)
            if level > 3:
                alert()
            ```

            The flow is $Q = vA$ and in total

            $$V = \int Q\,dt$$

            {{{ArticlePage.Para3}}}
            """, text);
    }

    [Theory]
    [InlineData("<pre class=\"language-python\"><code>x = 1</code></pre>", "python")]
    [InlineData("<pre><code class=\"hljs language-csharp\">x = 1</code></pre>", "csharp")]
    [InlineData("<pre class=\"brush: php; gutter: false\">x = 1</pre>", "php")]
    [InlineData("<pre data-lang=\"C++\">x = 1</pre>", "c++")]
    [InlineData("<div class=\"highlight-source-js\"><pre>x = 1</pre></div>", "js")]
    [InlineData("<pre>x = 1</pre>", "")]
    public void Extract_Markdown_CodeFenceCarriesTheLanguageHint(string block, string language)
    {
        Assert.Contains($"\n\n```{language}\nx = 1\n```\n\n", Extract(block));
    }

    [Fact]
    public void Extract_Markdown_CodeInsideListAndQuoteIndentedOnEveryLine()
    {
        string text = Extract("<ul><li>Run:<pre>make\nmake test</pre></li></ul><blockquote><pre>a\nb</pre></blockquote>");

        Assert.Contains("- Run:\n\n  ```\n  make\n  make test\n  ```\n\n> ```\n> a\n> b\n> ```", text);
    }

    [Fact]
    public void Extract_TextFormat_SamePageWithoutMarkdownMarkers()
    {
        var plain = new MainContentExtractor(new ExtractionOptions());

        string text = plain.Extract(ArticlePage.Build("<h2>Water levels</h2><pre class=\"language-python\"><code>x = 1</code></pre><ul><li>item</li></ul><p>Flow <code>q</code> is <script type=\"math/tex\">Q = vA</script>.</p>")).Text;

        Assert.Contains("\n\nWater levels\n\nx = 1\n\nitem\n\nFlow q is $Q = vA$.", text);
        Assert.DoesNotContain("#", text);
        Assert.DoesNotContain("`", text);
    }

    [Fact]
    public void Options_UndefinedFormat_Rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new MainContentExtractor(new ExtractionOptions { Format = (ExtractionFormat)7 }));
    }

    [Theory]
    [InlineData("Markdown", ExtractionFormat.Markdown)]
    [InlineData("markdown", ExtractionFormat.Markdown)]
    [InlineData("Text", ExtractionFormat.Text)]
    public void PipelineYaml_ExtractFormat_BindsToOptions(string value, ExtractionFormat expected)
    {
        PipelineOptions options = PipelineConfigLoader.Parse($"extract:\n  format: {value}\n", "pipeline.yaml");

        Assert.Equal(expected, options.Extract.Format);
    }
}
