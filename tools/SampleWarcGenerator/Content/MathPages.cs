using System.Text;
using SampleWarcGenerator.Http;

namespace SampleWarcGenerator.Content;

/// <summary>Maths explainers: six written with MathJax TeX sources (\( \), $$ $$, \[ \]) and four with MathML.</summary>
internal static class MathPages
{
    private sealed record Lesson(string Slug, string Title, string Body, bool MathJax);

    private static readonly Lesson[] s_lessons =
    [
        new("quadratic-formula", "Solving quadratics with the formula", """
            <p>Any equation of the form \(ax^2 + bx + c = 0\) with \(a \neq 0\) can be solved directly.</p>
            $$x = \frac{-b \pm \sqrt{b^2 - 4ac}}{2a}$$
            <p>The quantity \(\Delta = b^2 - 4ac\) is called the discriminant. If \(\Delta &lt; 0\) there are no real roots; if \(\Delta = 0\) the two roots coincide.</p>
            <p>Example: for \(x^2 - 5x + 6 = 0\) we get \(\Delta = 1\), so \(x = 2\) or \(x = 3\).</p>
            """, true),
        new("geometric-series", "Summing a geometric series", """
            <p>A geometric series multiplies each term by a fixed ratio \(r\). For \(|r| &lt; 1\) the infinite sum converges:</p>
            $$\sum_{k=0}^{\infty} a r^k = \frac{a}{1 - r}$$
            <p>The finite version with \(n\) terms is \(S_n = a\frac{1 - r^n}{1 - r}\). Multiplying \(S_n\) by \(r\) and subtracting is the classic proof.</p>
            """, true),
        new("bayes-rule", "Bayes' rule in one page", """
            <p>Bayes' rule turns a likelihood into a posterior:</p>
            \[ P(A \mid B) = \frac{P(B \mid A)\,P(A)}{P(B)} \]
            <p>Suppose a test detects a condition with probability \(0.99\), gives false positives with probability \(0.05\), and the condition affects \(1\%\) of people. Then</p>
            $$P(\text{ill} \mid +) = \frac{0.99 \times 0.01}{0.99 \times 0.01 + 0.05 \times 0.99} \approx 0.167$$
            <p>Most positive results are false positives when the base rate is low.</p>
            """, true),
        new("derivative-power-rule", "Why the power rule works", """
            <p>For \(f(x) = x^n\) the derivative is \(f'(x) = n x^{n-1}\). Starting from the definition,</p>
            $$f'(x) = \lim_{h \to 0} \frac{(x+h)^n - x^n}{h}$$
            <p>Expanding \((x+h)^n\) with the binomial theorem, every term except \(n x^{n-1} h\) contains \(h^2\) or a higher power, and those vanish in the limit.</p>
            """, true),
        new("normal-distribution", "The normal distribution's density", """
            <p>The density of a normal random variable with mean \(\mu\) and standard deviation \(\sigma\) is</p>
            $$f(x) = \frac{1}{\sigma\sqrt{2\pi}} \exp\left(-\frac{(x-\mu)^2}{2\sigma^2}\right)$$
            <p>About 68% of the mass lies within \(\mu \pm \sigma\) and about 95% within \(\mu \pm 2\sigma\).</p>
            """, true),
        new("matrix-product", "Multiplying two matrices", """
            <p>If \(A\) is \(m \times n\) and \(B\) is \(n \times p\), the product \(C = AB\) is \(m \times p\) with entries</p>
            $$c_{ij} = \sum_{k=1}^{n} a_{ik} b_{kj}$$
            <p>For example \(\begin{pmatrix}1 &amp; 2\\3 &amp; 4\end{pmatrix}\begin{pmatrix}0 &amp; 1\\1 &amp; 0\end{pmatrix} = \begin{pmatrix}2 &amp; 1\\4 &amp; 3\end{pmatrix}\). Matrix multiplication is associative but not commutative.</p>
            """, true),
        new("pythagoras", "The Pythagorean theorem", """
            <p>In a right triangle with legs <i>a</i>, <i>b</i> and hypotenuse <i>c</i>:</p>
            <math display="block" xmlns="http://www.w3.org/1998/Math/MathML"><mrow><msup><mi>a</mi><mn>2</mn></msup><mo>+</mo><msup><mi>b</mi><mn>2</mn></msup><mo>=</mo><msup><mi>c</mi><mn>2</mn></msup></mrow></math>
            <p>A 3-4-5 triangle is the smallest example with whole-number sides: 9 + 16 = 25.</p>
            """, false),
        new("euler-identity", "Euler's identity", """
            <p>Setting the angle to pi in Euler's formula gives an identity linking five constants:</p>
            <math display="block"><mrow><msup><mi>e</mi><mrow><mi>i</mi><mi>&#x3C0;</mi></mrow></msup><mo>+</mo><mn>1</mn><mo>=</mo><mn>0</mn></mrow></math>
            <p>It follows from <math><mrow><msup><mi>e</mi><mrow><mi>i</mi><mi>x</mi></mrow></msup><mo>=</mo><mi>cos</mi><mi>x</mi><mo>+</mo><mi>i</mi><mi>sin</mi><mi>x</mi></mrow></math>, which can be checked by comparing power series.</p>
            """, false),
        new("binomial-theorem", "The binomial theorem", """
            <p>The expansion of a power of a sum uses binomial coefficients:</p>
            <math display="block"><mrow><msup><mrow><mo>(</mo><mi>x</mi><mo>+</mo><mi>y</mi><mo>)</mo></mrow><mi>n</mi></msup><mo>=</mo><munderover><mo>&#x2211;</mo><mrow><mi>k</mi><mo>=</mo><mn>0</mn></mrow><mi>n</mi></munderover><mrow><mo>(</mo><mfrac linethickness="0"><mi>n</mi><mi>k</mi></mfrac><mo>)</mo></mrow><msup><mi>x</mi><mrow><mi>n</mi><mo>-</mo><mi>k</mi></mrow></msup><msup><mi>y</mi><mi>k</mi></msup></mrow></math>
            <p>The coefficients are the rows of Pascal's triangle: 1, 4, 6, 4, 1 for the fourth power.</p>
            """, false),
        new("circle-area", "Area of a circle from slices", """
            <p>Cut a circle into many thin wedges and rearrange them into a shape close to a rectangle of height <i>r</i> and width half the circumference:</p>
            <math display="block"><mrow><mi>A</mi><mo>=</mo><mi>r</mi><mo>&#x22C5;</mo><mfrac><mrow><mn>2</mn><mi>&#x3C0;</mi><mi>r</mi></mrow><mn>2</mn></mfrac><mo>=</mo><mi>&#x3C0;</mi><msup><mi>r</mi><mn>2</mn></msup></mrow></math>
            <p>The more wedges, the closer the shape comes to a true rectangle.</p>
            """, false),
    ];

    public static IEnumerable<Capture> Create()
    {
        foreach (Lesson lesson in s_lessons)
        {
            string head = lesson.MathJax
                ? "<meta charset=\"utf-8\">\n<script>window.MathJax={tex:{inlineMath:[['\\\\(','\\\\)']]}};</script>\n<script src=\"https://cdn.example/mathjax/3/tex-chtml.js\" async></script>"
                : "<meta charset=\"utf-8\">";
            string body = $$"""
                <nav><a href="/">Math Notes</a> › <a href="/topics/">Topics</a></nav>
                <article>
                <h1>{{lesson.Title}}</h1>
                {{lesson.Body}}
                </article>
                <footer>Math Notes — short explanations for curious people. <a href="/feedback">Feedback</a></footer>
                """;
            yield return new Capture
            {
                Uri = $"https://mathnotes.example/topics/{lesson.Slug}.html",
                Category = Categories.Math,
                Charset = "utf-8 (http header + meta charset)",
                Response = new HttpResponse
                {
                    ContentType = "text/html; charset=UTF-8",
                    Server = "gunicorn",
                    Body = Encoding.UTF8.GetBytes(PageShell.Render("en", lesson.Title, head, body)),
                },
            };
        }
    }
}
