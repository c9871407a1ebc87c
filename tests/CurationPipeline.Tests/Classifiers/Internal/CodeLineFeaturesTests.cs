using CurationPipeline.Classifiers.Internal;

namespace CurationPipeline.Tests.Classifiers.Internal;

public sealed class CodeLineFeaturesTests
{
    private const int Shift = 64 - 16;

    private const string GoSnippet = """
        Defer runs a call when the function returns:

        func CopyFile(dst, src string) (int64, error) {
            in, err := os.Open(src)
            if err != nil {
                return 0, err
            }
            defer in.Close()
        }

        That is all.
        """;

    [Theory]
    [InlineData("}")]
    [InlineData("x := f(y)")]
    [InlineData("if err != nil {")]
    [InlineData("fmt.Println(\"hello\");")]
    [InlineData("// comment about x == y")]
    [InlineData("// Fprint formats using the default formats for its operands and writes to w.")]
    [InlineData("/* a block comment */")]
    [InlineData("const app = createApp({")]
    [InlineData("$ go build")]
    [InlineData("% go test -cover")]
    [InlineData("go install golang.org/x/vuln/cmd/govulncheck@latest")]
    [InlineData("npm install --save-dev vite")]
    [InlineData("import (")]
    [InlineData(")")]
    public void IsCodeLike_SyntaxLines_True(string line) => Assert.True(CodeLineFeatures.IsCodeLike(line));

    [Theory]
    [InlineData("The river flows to the sea, and for a while nothing happens.")]
    [InlineData("for the first time in years, the harvest was good.")]
    [InlineData("Let $f(x) == 0$ hold")]
    [InlineData("Chapter 3: the return of the king")]
    [InlineData("$ x$ is the unknown")]
    [InlineData("% your pmatrix expression")]
    [InlineData("go to the shop and buy milk")]
    [InlineData("f_n = f_{n - 1} + f_{n - 2}")]
    [InlineData("(see the appendix)")]
    [InlineData("// where $x$ is the unknown")]
    public void IsCodeLike_ProseAndLatex_False(string line) => Assert.False(CodeLineFeatures.IsCodeLike(line));

    [Fact]
    public void Fill_Prose_FiresNothing()
    {
        Span<int> buckets = stackalloc int[CodeLineFeatures.Count];

        Assert.Equal(0, CodeLineFeatures.Fill("A plain paragraph.\n\nAnother one, with a comma.", Shift, buckets));
        Assert.Equal(0, CodeLineFeatures.Fill("", Shift, buckets));
    }

    [Fact]
    public void Fill_CodeBlock_FiresRunShareAndCountIndicators()
    {
        Span<int> buckets = stackalloc int[CodeLineFeatures.Count];

        int fired = CodeLineFeatures.Fill(GoSnippet, Shift, buckets);

        // 6 code-like lines of 9 non-blank (`return 0, err` shows one cue only), longest run 3: run ≥ 1, 2, 3 (3), share ≥ 2 %…40 % (5), count ≥ 3 (1).
        Assert.Equal(9, fired);
        Assert.Equal(fired, buckets[..fired].ToArray().Distinct().Count());
    }

    [Fact]
    public void Fill_MarkdownFencesAndIndentation_SameAsExtractedText()
    {
        string markdown = GoSnippet.Replace("func CopyFile", "```go\n\tfunc CopyFile", StringComparison.Ordinal)
            .Replace("\n\nThat is all.", "\n```\n\nThat is all.", StringComparison.Ordinal);
        Span<int> plain = stackalloc int[CodeLineFeatures.Count];
        Span<int> fenced = stackalloc int[CodeLineFeatures.Count];

        int n = CodeLineFeatures.Fill(GoSnippet, Shift, plain);

        Assert.Equal(plain[..n].ToArray(), fenced[..CodeLineFeatures.Fill(markdown, Shift, fenced)].ToArray());
    }
}
