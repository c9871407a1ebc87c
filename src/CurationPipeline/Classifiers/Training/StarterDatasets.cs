using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using CurationPipeline.Classifiers.Internal;
using CurationPipeline.Classifiers.Training.Internal;

namespace CurationPipeline.Classifiers.Training;

/// <summary>
/// Turns the third-party labelled data of <c>shared/data/classify</c> (see its SOURCES.md) into the label sets of the
/// four starter classifiers <c>code</c>, <c>math</c>, <c>safety</c> and <c>quality</c>, all binary with label <c>1</c> =
/// positive (quality: FineWeb-Edu's Llama-3 educational score ≥ 3).
/// </summary>
/// <remarks>Sub-samples are drawn with a fixed seed, so the same data always gives the same label sets.</remarks>
public static partial class StarterDatasets
{
    /// <summary>Names of the starter classifiers in build order.</summary>
    public static readonly ImmutableArray<string> Names = ["code", "math", "safety", "quality"];

    /// <summary>Starters that also ship an embedding head (<c>build-starters --heads</c>).</summary>
    public static readonly ImmutableArray<string> HeadNames = ["quality"];

    /// <summary>Builds one starter label set.</summary>
    /// <param name="classifyDirectory">The <c>classify</c> data folder.</param>
    /// <param name="name">One of <see cref="Names"/>.</param>
    /// <returns>The examples.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not a starter.</exception>
    /// <exception cref="IOException">A source file is missing or cannot be decompressed.</exception>
    public static IReadOnlyList<LabeledText> Build(string classifyDirectory, string name)
    {
        var sources = new Sources(classifyDirectory);
        var random = new Random(11);
        return name switch
        {
            "code" => Code(sources, random),
            "math" => Math(sources, random),
            "safety" => Safety(sources, random),
            "quality" => [.. sources.FineWeb().Select(d => new LabeledText(d.Text, d.Score >= 3 ? "1" : "0"))],
            _ => throw new ArgumentException($"'{name}' is not a starter classifier ({string.Join(", ", Names)}).", nameof(name)),
        };
    }

    /// <summary>What a starter's labels are, for its model card.</summary>
    /// <param name="name">One of <see cref="Names"/>.</param>
    /// <returns>A Markdown paragraph.</returns>
    public static string Describe(string name) => name switch
    {
        "code" => "Positives (`1`): every Vue.js docs page (guide, api, style-guide, glossary), every golang/website `_content/doc` page, and " +
            "golang blog posts that contain a code block (fenced, `<pre>`, or 5+ tab/4-space indented lines). Negatives (`0`): golang blog " +
            "posts without code (near-domain prose), WikiText-2 test articles, 700 FineWeb-Edu documents, 300 math documents (MATH, StackMathQA), " +
            "300 YouTube comments. Labels are page origin plus a code-block heuristic, not human judgements of code density.",
        "math" => "Positives (`1`): 1,500 MATH problems+solutions, 700 GSM8K questions+answers, all 796 StackMathQA Q+A pairs " +
            "(MathOverflow, stats and physics StackExchange). Negatives (`0`): 1,500 FineWeb-Edu documents, WikiText-2 articles, every code doc page, " +
            "400 YouTube comments, 400 Davidson tweets. Labels are source origin.",
        "safety" => "Positives (`1`): Davidson et al. tweets whose majority class is hate speech (0) or offensive language (1), and Jigsaw comments " +
            "with any toxicity label. Negatives (`0`): Davidson class 2 (neither), Jigsaw comments with no label, and 500 FineWeb-Edu documents " +
            "(so ordinary web prose is seen as safe). Labels are the sources' human annotations.",
        "quality" => "The 2,000 FineWeb-Edu annotation samples (two files) with their Llama-3-70B educational score (0–5): positives (`1`) score ≥ 3 " +
            "(FineWeb-Edu's threshold, 155 documents), negatives (`0`) score 0–2. Binary, not regression: on this little data a regression on the " +
            "0–5 score gave a lower held-out F1 at ≥ 3 (n-gram 0.25 vs 0.33; head 0.36–0.40 vs 0.51).",
        _ => throw new ArgumentException($"'{name}' is not a starter classifier.", nameof(name)),
    };

    /// <summary>Known limits of a starter model, for its model card.</summary>
    /// <param name="name">One of <see cref="Names"/>.</param>
    /// <returns>A Markdown paragraph.</returns>
    public static string Limits(string name) => name switch
    {
        "code" => "Positives are two documentation sites (Go, Vue/JS/TS) as Markdown/HTML source, so the model knows their markup and vocabulary; " +
            "other languages (Python, C++, Rust) and extracted web text without Markdown fences are under-represented. The held-out split " +
            "shares sites with training, so it flatters generalisation.",
        "math" => "Positives are competition problems, grade-school word problems and research-level Q&A written with LaTeX; math on web pages " +
            "rendered as MathML or images, or math in other languages, is not covered. Negatives contain little science prose with formulas, " +
            "so physics/statistics text may score high.",
        "safety" => "Mostly 2013-era English tweets (Davidson): the model keys on slurs and profanity and is known to over-flag African-American " +
            "English (Davidson et al. 2019). It does not detect toxicity without offensive words, threats phrased politely, or non-English text. " +
            "Davidson is 77 % offensive tweets, so the held-out split is positive-heavy; its precision is not what a web crawl (mostly safe) would see.",
        "quality" => "2,000 documents with LLM (not human) labels and only 155 positives: the model is a weak ranker of educational value, " +
            "far from FineWeb-Edu's embedding classifier (F1 0.82, trained on 450k annotations). With only this data the head did not get " +
            "better from longer input (first 512 tokens, or the mean of four 1,000-character chunks), from the other offline encoder " +
            "(snowflake-arctic-embed-xs, the family of FineWeb-Edu's own encoder: mean F1 0.36), from extra positives or negatives out of " +
            "other sources (WikiText, MATH, YouTube comments: all lowered F1 on FineWeb-Edu documents), from a TorchSharp-trained MLP head " +
            "(64–256 hidden units: mean F1 0.38–0.40), or from choosing the threshold on out-of-fold scores; even a threshold picked on the test split itself stays near 0.5. Reaching F1 0.7 needs more labelled web " +
            "documents or a stronger encoder. Use it as a coarse signal, not a hard filter.",
        _ => throw new ArgumentException($"'{name}' is not a starter classifier.", nameof(name)),
    };

    private static List<LabeledText> Code(Sources s, Random random)
    {
        var examples = new List<LabeledText>();
        foreach (string page in s.Files("code/vuejs-docs/src", "*.md").Concat(s.Files("code/golang-website/_content/doc", "*.*")))
        {
            examples.Add(new LabeledText(File.ReadAllText(page), "1"));
        }

        foreach (string post in s.Files("code/golang-website/_content/blog", "*.*"))
        {
            string text = File.ReadAllText(post);
            examples.Add(new LabeledText(text, HasCodeBlock(text) ? "1" : "0"));
        }

        AddNegatives(examples, s.Wikitext());
        AddNegatives(examples, Sample(random, s.FineWeb().Select(d => d.Text), 700));
        AddNegatives(examples, Sample(random, s.MathProblems().Concat(s.StackMath()), 300));
        AddNegatives(examples, Sample(random, s.YouTube(), 300));
        return examples;
    }

    private static List<LabeledText> Math(Sources s, Random random)
    {
        var examples = new List<LabeledText>();
        foreach (string text in Sample(random, s.MathProblems(), 1500).Concat(Sample(random, s.Gsm8k(), 700)).Concat(s.StackMath()))
        {
            examples.Add(new LabeledText(text, "1"));
        }

        AddNegatives(examples, Sample(random, s.FineWeb().Select(d => d.Text), 1500));
        AddNegatives(examples, s.Wikitext());
        AddNegatives(examples, s.Files("code/vuejs-docs/src", "*.md").Concat(s.Files("code/golang-website/_content", "*.*")).Select(File.ReadAllText));
        AddNegatives(examples, Sample(random, s.YouTube(), 400));
        AddNegatives(examples, Sample(random, s.Davidson().Select(t => t.Text), 400));
        return examples;
    }

    private static List<LabeledText> Safety(Sources s, Random random)
    {
        var examples = new List<LabeledText>();
        foreach ((string text, int cls) in s.Davidson())
        {
            examples.Add(new LabeledText(text, cls == 2 ? "0" : "1"));
        }

        foreach ((string text, bool toxic) in s.Jigsaw())
        {
            examples.Add(new LabeledText(text, toxic ? "1" : "0"));
        }

        AddNegatives(examples, Sample(random, s.FineWeb().Select(d => d.Text), 500));
        return examples;
    }

    private static void AddNegatives(List<LabeledText> examples, IEnumerable<string> texts)
    {
        foreach (string text in texts)
        {
            examples.Add(new LabeledText(text, "0"));
        }
    }

    private static IEnumerable<string> Sample(Random random, IEnumerable<string> texts, int count)
    {
        string[] all = [.. texts];
        random.Shuffle(all);
        return all.Take(count);
    }

    private static bool HasCodeBlock(string text)
    {
        if (text.Contains("```", StringComparison.Ordinal) || text.Contains("<pre", StringComparison.Ordinal) || text.Contains("{{code", StringComparison.Ordinal))
        {
            return true;
        }

        int indented = 0;
        foreach (ReadOnlySpan<char> line in text.AsSpan().EnumerateLines())
        {
            if (line.Length > 0 && (line[0] == '\t' || line.StartsWith("    ")) && !line.IsWhiteSpace())
            {
                indented++;
            }
        }

        return indented >= 5;
    }

    [GeneratedRegex(@"^ = [^=].* = $", RegexOptions.Multiline)]
    private static partial Regex WikiTitle();

    [GeneratedRegex(@" @(.)@ ")]
    private static partial Regex WikiJoiner();

    /// <summary>Reads each source of the classify folder once.</summary>
    private sealed class Sources(string root)
    {
        private List<(string Text, double Score)>? _fineWeb;
        private List<(string Text, int Class)>? _davidson;

        public IEnumerable<string> Files(string folder, string pattern)
        {
            string path = Path.Combine(root, folder);
            if (!Directory.Exists(path))
            {
                throw new DirectoryNotFoundException($"Classifier data folder {path} is missing.");
            }

            string[] files = Directory.GetFiles(path, pattern, SearchOption.AllDirectories);
            Array.Sort(files, StringComparer.Ordinal);
            return files.Where(f => f.EndsWith(".md", StringComparison.Ordinal) || f.EndsWith(".html", StringComparison.Ordinal));
        }

        public List<(string Text, double Score)> FineWeb() => _fineWeb ??=
        [
            .. JsonLines("quality/fineweb-edu-llama3/annotated_fineweb_train_1000_samples.jsonl.xz")
                .Concat(JsonLines("quality/fineweb-edu-llama3/annotated_fineweb_multi_val_1k.jsonl.xz"))
                .Select(e => (e.GetProperty("text").GetString()!, e.GetProperty("scores").GetProperty("score").GetDouble())),
        ];

        public IEnumerable<string> Wikitext()
        {
            string raw = XzText.ReadAll(Path.Combine(root, "quality/wikitext-2-raw/wiki.test.raw.xz")).Replace("\r\n", "\n", StringComparison.Ordinal);
            var articles = new List<string>();
            MatchCollection titles = WikiTitle().Matches(raw);
            for (int i = 0; i < titles.Count; i++)
            {
                int end = i + 1 < titles.Count ? titles[i + 1].Index : raw.Length;
                string body = WikiJoiner().Replace(raw[titles[i].Index..end], "$1").Trim();
                articles.Add(body);
            }

            return articles;
        }

        public IEnumerable<string> MathProblems() =>
            JsonLines("math/math/test_minus_math500.jsonl.xz").Select(e => e.GetProperty("problem").GetString() + "\n\n" + e.GetProperty("solution").GetString());

        public IEnumerable<string> Gsm8k() =>
            JsonLines("math/gsm8k/test.jsonl").Select(e => e.GetProperty("question").GetString() + "\n\n" + e.GetProperty("answer").GetString());

        public IEnumerable<string> StackMath()
        {
            string folder = Path.Combine(root, "math/stackmathqa/data/stackmathqa100k");
            string[] files = Directory.GetFiles(folder, "*.jsonl");
            Array.Sort(files, StringComparer.Ordinal);
            return files.SelectMany(f => JsonLines(Path.GetRelativePath(root, f))).Select(e => e.GetProperty("Q").GetString() + "\n\n" + e.GetProperty("A").GetString());
        }

        public IEnumerable<string> YouTube()
        {
            string[] files = Directory.GetFiles(Path.Combine(root, "quality/youtube-spam"), "*.csv");
            Array.Sort(files, StringComparer.Ordinal);
            return files.SelectMany(f => Csv(Path.GetRelativePath(root, f)).Skip(1)).Where(r => r.Length == 5 && r[3].Length > 0).Select(r => r[3]);
        }

        public List<(string Text, int Class)> Davidson() => _davidson ??=
        [
            .. Csv("safety/davidson/labeled_data.csv.xz").Skip(1).Where(r => r.Length == 7).Select(r => (r[6], int.Parse(r[5], CultureInfo.InvariantCulture))),
        ];

        public IEnumerable<(string Text, bool Toxic)> Jigsaw() =>
            Csv("safety/jigsaw/ibm-max/test_examples.csv").Skip(1).Where(r => r.Length == 7).Select(r => (r[0], r.Skip(1).Any(v => v == "1")))
                .Concat(Csv("safety/jigsaw/train-head/sample_data.csv").Skip(1).Where(r => r.Length == 8).Select(r => (r[1], r.Skip(2).Any(v => v == "1"))));

        private IEnumerable<JsonElement> JsonLines(string relative)
        {
            string text = XzText.ReadAll(Path.Combine(root, relative));
            foreach (string line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                using JsonDocument document = JsonDocument.Parse(line);
                yield return document.RootElement.Clone();
            }
        }

        private List<string[]> Csv(string relative)
        {
            using var reader = new StringReader(XzText.ReadAll(Path.Combine(root, relative)));
            return [.. CsvRows.Read(reader)];
        }
    }
}
