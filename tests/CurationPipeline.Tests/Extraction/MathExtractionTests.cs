using CurationPipeline.Extraction;

namespace CurationPipeline.Tests.Extraction;

public sealed class MathExtractionTests
{
    private static readonly MainContentExtractor s_extractor = new(new ExtractionOptions());

    private static string Extract(string articleExtra)
    {
        ExtractionResult result = s_extractor.Extract(ArticlePage.Build(articleExtra));
        Assert.True(result.Succeeded, result.Reason);
        return result.Text;
    }

    [Fact]
    public void Extract_MathJax2Scripts_InlineAndDisplayLatexWithoutTheRendering()
    {
        string text = Extract("""
            <p>The energy is <span class="MathJax_Preview">E=mc2</span><span class="MathJax" id="MathJax-Element-1-Frame"><span class="mi">rendered glyphs</span></span><script type="math/tex" id="MathJax-Element-1">E = mc^2</script> for a body at rest.</p>
            <div class="MathJax_Display"><span class="MathJax">more glyphs</span></div><script type="math/tex; mode=display">\int_0^1 x\,dx = \frac{1}{2}</script>
            """);

        Assert.Contains("The energy is $E = mc^2$ for a body at rest.", text);
        Assert.Contains("\n\n$$\\int_0^1 x\\,dx = \\frac{1}{2}$$\n\n", text);
        Assert.DoesNotContain("glyphs", text);
        Assert.DoesNotContain("E=mc2", text);
    }

    [Fact]
    public void Extract_KaTeX_UsesTheTexAnnotationOnceAndKeepsDisplayMode()
    {
        string text = Extract("""
            <p>Its area is <span class="katex"><span class="katex-mathml"><math xmlns="http://www.w3.org/1998/Math/MathML"><semantics><mrow><mi>π</mi><msup><mi>r</mi><mn>2</mn></msup></mrow><annotation encoding="application/x-tex">\pi r^2</annotation></semantics></math></span><span class="katex-html" aria-hidden="true"><span class="base">πr2</span></span></span> square metres.</p>
            <p><span class="katex-display"><span class="katex"><span class="katex-mathml"><math xmlns="http://www.w3.org/1998/Math/MathML" display="block"><semantics><mi>e</mi><annotation encoding="application/x-tex">e^{i\pi} + 1 = 0</annotation></semantics></math></span><span class="katex-html" aria-hidden="true">eiπ+1=0</span></span></span></p>
            """);

        Assert.Contains("Its area is $\\pi r^2$ square metres.", text);
        Assert.Contains("\n\n$$e^{i\\pi} + 1 = 0$$\n\n", text);
        Assert.DoesNotContain("πr2", text);
        Assert.DoesNotContain("eiπ", text);
    }

    [Fact]
    public void Extract_MathJax3Container_AssistiveMathMlBecomesLatex()
    {
        string text = Extract("""
            <p>We minimise <mjx-container class="MathJax" jax="CHTML" display="true"><mjx-math class="MJX-TEX" aria-hidden="true"><mjx-mi class="mjx-i"><mjx-c class="mjx-c1D465 TEX-I"></mjx-c></mjx-mi></mjx-math><mjx-assistive-mml unselectable="on" display="block"><math xmlns="http://www.w3.org/1998/Math/MathML" display="block"><msup><mi>x</mi><mn>2</mn></msup></math></mjx-assistive-mml></mjx-container></p>
            """);

        Assert.Contains("$$x^{2}$$", text);
    }

    [Fact]
    public void Extract_WikipediaStyleHiddenMathMl_ConvertedNotDropped()
    {
        string text = Extract("""
            <p>The square <span class="mwe-math-element"><span class="mwe-math-mathml-inline mwe-math-mathml-a11y" style="display: none;"><math alttext="x^2"><semantics><mrow><msup><mi>x</mi><mn>2</mn></msup></mrow><annotation encoding="application/x-tex">{\displaystyle x^{2}}</annotation></semantics></math></span><img src="x2.svg" alt="x^2"></span> grows fast.</p>
            """);

        Assert.Contains("The square ${\\displaystyle x^{2}}$ grows fast.", text);
    }

    public static TheoryData<string, string> MathMl => new()
    {
        { "<mi>x</mi><mo>=</mo><mfrac><mrow><mo>−</mo><mi>b</mi><mo>±</mo><msqrt><msup><mi>b</mi><mn>2</mn></msup><mo>−</mo><mn>4</mn><mi>a</mi><mi>c</mi></msqrt></mrow><mrow><mn>2</mn><mi>a</mi></mrow></mfrac>",
            "x=\\frac{-b\\pm\\sqrt{b^{2}-4ac}}{2a}" },
        { "<munderover><mo>∑</mo><mrow><mi>i</mi><mo>=</mo><mn>1</mn></mrow><mi>n</mi></munderover><msub><mi>x</mi><mi>i</mi></msub>", "\\sum_{i=1}^{n}x_{i}" },
        { "<msubsup><mi>a</mi><mi>k</mi><mn>2</mn></msubsup>", "a_{k}^{2}" },
        { "<mroot><mi>x</mi><mn>3</mn></mroot>", "\\sqrt[3]{x}" },
        { "<mover><mi>v</mi><mo>→</mo></mover>", "\\vec{v}" },
        { "<mover><mi>x</mi><mo>¯</mo></mover>", "\\bar{x}" },
        { "<munder><mo>lim</mo><mrow><mi>n</mi><mo>→</mo><mi>∞</mi></mrow></munder>", "\\lim_{n\\to\\infty}" },
        { "<mover><mi>X</mi><mi>T</mi></mover>", "\\overset{T}{X}" },
        { "<mi>sin</mi><mo>&#x2061;</mo><mi>θ</mi><mo>+</mo><mi>α</mi><mi>x</mi>", "\\sin\\theta+\\alpha x" },
        { "<msup><mrow><mo>(</mo><mi>a</mi><mo>+</mo><mi>b</mi><mo>)</mo></mrow><mn>2</mn></msup>", "{(a+b)}^{2}" },
        { "<mtable><mtr><mtd><mn>1</mn></mtd><mtd><mn>0</mn></mtd></mtr><mtr><mtd><mn>0</mn></mtd><mtd><mn>1</mn></mtd></mtr></mtable>", "\\begin{matrix}1 & 0 \\\\ 0 & 1 \\end{matrix}" },
        { "<mi>f</mi><mo>(</mo><mi>x</mi><mo>)</mo><mspace width=\"1em\"></mspace><mtext>if</mtext><mi>x</mi><mo>∈</mo><mi>ℝ</mi>", "f(x) \\text{if}x\\in\\mathbb{R}" },
        { "<mrow><mo>(</mo><mfrac linethickness=\"0\"><mi>n</mi><mi>k</mi></mfrac><mo>)</mo></mrow>", "(\\genfrac{}{}{0pt}{}{n}{k})" },
        { "<mfenced open=\"[\" close=\"]\"><mi>a</mi><mi>b</mi></mfenced>", "[a,b]" },
    };

    [Theory]
    [MemberData(nameof(MathMl))]
    public void Extract_PresentationMathMlWithoutAnnotation_ConvertedToLatex(string mathMl, string latex)
    {
        string text = Extract($"<p>The relation <math>{mathMl}</math> holds, as shown above, for every case.</p>");

        Assert.Contains($"The relation ${latex}$ holds", text);
    }

    [Fact]
    public void Extract_RawTexDelimitersInText_KeptVerbatim()
    {
        string text = Extract(@"<p>Inline \(a+b\) and display \[c^2 = a^2 + b^2\] and $$\sum_k k$$ stay as written.</p>");

        Assert.Contains(@"Inline \(a+b\) and display \[c^2 = a^2 + b^2\] and $$\sum_k k$$ stay as written.", text);
    }

    [Fact]
    public void Extract_MathOnlyBlocksWithBoilerplateLookingClasses_NotDropped()
    {
        string text = Extract("""
            <div class="eq-widget"><script type="math/tex; mode=display">a^2+b^2=c^2</script></div>
            <div class="box"><math display="block"><mi>y</mi><mo>=</mo><mn>2</mn></math></div>
            """);

        Assert.Contains("$$a^2+b^2=c^2$$", text);
        Assert.Contains("$$y=2$$", text);
        Assert.Contains(ArticlePage.Para3, text);
    }

    [Fact]
    public void Extract_DeeplyNestedMathMl_BoundedAndNeverThrows()
    {
        string mathMl = string.Concat(Enumerable.Repeat("<mrow>", 3_000)) + "<mi>z</mi>" + string.Concat(Enumerable.Repeat("</mrow>", 3_000));

        ExtractionResult result = s_extractor.Extract(ArticlePage.Build($"<p>Deep <math>{mathMl}</math> formula.</p>"));

        Assert.True(result.Succeeded || result.Reason is not null);
        if (result.Succeeded)
        {
            Assert.Contains("$z$", result.Text);
        }
    }
}
