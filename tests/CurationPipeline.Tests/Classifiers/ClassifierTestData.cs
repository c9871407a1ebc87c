using CurationPipeline.Classifiers;
using CurationPipeline.Classifiers.Training;

namespace CurationPipeline.Tests.Classifiers;

/// <summary>Small synthetic label sets for the classifier tests.</summary>
internal static class ClassifierTestData
{
    private static readonly string[] s_code =
    [
        "func main() { fmt.Println(\"hello\") }", "if err != nil { return err }", "const x = ref(0); x.value++;",
        "for (let i = 0; i < n; i++) { sum += a[i]; }", "import { computed } from 'vue'", "var wg sync.WaitGroup; wg.Add(1)",
        "return <div class=\"app\">{{ msg }}</div>", "type Point struct { X, Y int }", "export default { data() { return { a: 1 } } }",
        "ch := make(chan int, 10); go worker(ch)",
    ];

    private static readonly string[] s_prose =
    [
        "The river flows through the old town before it reaches the sea.", "Children learn to read by listening to stories at home.",
        "The council approved the new library budget on Tuesday.", "Farmers planted wheat early because the spring was warm.",
        "The museum opened a new exhibition about ancient pottery.", "Heavy rain closed the mountain road for two days.",
        "She wrote a letter to her grandmother every week.", "The orchestra played a symphony by a local composer.",
        "Birds migrate south when the days grow shorter.", "The bakery sells fresh bread every morning.",
    ];

    /// <summary>Code snippets labelled <c>1</c> and prose labelled <c>0</c>, each repeated with a suffix to make 80 examples.</summary>
    public static List<LabeledText> CodeVersusProse()
    {
        var examples = new List<LabeledText>();
        for (int copy = 0; copy < 4; copy++)
        {
            foreach (string code in s_code)
            {
                examples.Add(new LabeledText(code + " // v" + copy, "1"));
            }

            foreach (string prose in s_prose)
            {
                examples.Add(new LabeledText(prose + " Edition " + copy + ".", "0"));
            }
        }

        return examples;
    }

    /// <summary>
    /// Math written in LaTeX labelled <c>1</c> against code and prose labelled <c>0</c>, 60 examples: no word problem among them, and
    /// the code holds <c>*</c>, <c>/</c> and <c>=</c>, so only arithmetic indicators tell a word problem's sums from code.
    /// </summary>
    public static List<LabeledText> LatexMathVersusCodeAndProse() =>
    [
        .. Enumerable.Range(0, 20).Select(i => new LabeledText($"Solve for $n_{i}$. We have $\\frac{{{i}}}{{2}}$ and $2 \\cdot {i} = {2 * i}$, so $n = {i}$.", "1")),
        .. Enumerable.Range(0, 20).Select(i => new LabeledText($"Setup {i}:\nconst total = price * {i};\nif (total / 2 == count) {{ return total; }}", "0")),
        .. Enumerable.Range(0, 20).Select(i => new LabeledText($"Story {i}: the farmer sold apples at the market for a dollar each.", "0")),
    ];

    /// <summary>Code, prose and questions labelled <c>code</c>, <c>neither</c>, <c>question</c>.</summary>
    public static List<LabeledText> ThreeClasses()
    {
        var examples = new List<LabeledText>();
        foreach (LabeledText e in CodeVersusProse())
        {
            examples.Add(e with { Label = e.Label == "1" ? "code" : "neither" });
            examples.Add(new LabeledText("Why does " + e.Text.Split(' ')[1] + " happen, and how can I fix it?", "question"));
        }

        return examples;
    }

    /// <summary>Regression targets: the number of times "excellent" appears, 0–4.</summary>
    public static List<LabeledText> Scored()
    {
        var examples = new List<LabeledText>();
        for (int i = 0; i < 60; i++)
        {
            int score = i % 5;
            string text = string.Join(' ', Enumerable.Repeat("excellent", score)) + " a page about topic " + i;
            examples.Add(new LabeledText(text, null, score));
        }

        return examples;
    }
}
