using System.Text;
using SampleWarcGenerator.Http;
using static SampleWarcGenerator.Sites.Html;

namespace SampleWarcGenerator.Content;

/// <summary>Programming tutorials with &lt;pre&gt;&lt;code&gt; blocks in Python, C# and JavaScript (original snippets).</summary>
internal static class CodePages
{
    private sealed record Tutorial(string Language, string Title, string Intro, string Code, string Outro);

    private static readonly Tutorial[] s_tutorials =
    [
        new("python", "Counting words in a file with Python",
            "A dictionary and a loop are all you need to count how often each word appears in a text file.",
            """
            from collections import Counter
            import re

            def word_counts(path):
                with open(path, encoding="utf-8") as handle:
                    words = re.findall(r"[a-z']+", handle.read().lower())
                return Counter(words)

            if __name__ == "__main__":
                for word, count in word_counts("notes.txt").most_common(10):
                    print(f"{word:<15} {count}")
            """,
            "Counter.most_common returns pairs sorted by count, so the loop prints the ten most frequent words."),
        new("python", "Reading a CSV file into dictionaries",
            "The csv module's DictReader maps each row to a dictionary keyed by the header line.",
            """
            import csv

            def load_prices(path):
                prices = {}
                with open(path, newline="") as f:
                    for row in csv.DictReader(f):
                        if row["price"] and float(row["price"]) > 0:
                            prices[row["sku"]] = float(row["price"])
                return prices

            print(len(load_prices("catalog.csv")), "items loaded")
            """,
            "Skipping empty or zero prices keeps bad rows from polluting the totals later."),
        new("python", "Retrying an HTTP request with exponential backoff",
            "Network calls fail. A small helper that waits a little longer after each failure makes scripts far more robust.",
            """
            import time
            import urllib.request

            def fetch(url, attempts=4):
                delay = 0.5
                for attempt in range(attempts):
                    try:
                        with urllib.request.urlopen(url, timeout=10) as resp:
                            return resp.read()
                    except OSError as err:
                        if attempt == attempts - 1:
                            raise
                        print(f"attempt {attempt + 1} failed: {err}; retrying in {delay}s")
                        time.sleep(delay)
                        delay *= 2
            """,
            "The last failure is re-raised so the caller still sees the real error."),
        new("python", "A tiny command-line todo list",
            "argparse turns a handful of lines into a proper command-line tool with help text.",
            """
            import argparse, json, pathlib

            STORE = pathlib.Path("todo.json")

            def main():
                parser = argparse.ArgumentParser(description="Minimal todo list")
                parser.add_argument("item", nargs="?", help="item to add")
                args = parser.parse_args()
                items = json.loads(STORE.read_text()) if STORE.exists() else []
                if args.item:
                    items.append(args.item)
                    STORE.write_text(json.dumps(items, indent=2))
                for i, item in enumerate(items, 1):
                    print(i, item)

            main()
            """,
            "Run it with no arguments to list items, or with a quoted string to add one."),
        new("csharp", "Reading a large file line by line in C#",
            "File.ReadLines streams the file lazily, so memory stays flat even for multi-gigabyte logs.",
            """
            using System;
            using System.IO;

            int errors = 0;
            foreach (string line in File.ReadLines("server.log"))
            {
                if (line.Contains("ERROR", StringComparison.Ordinal) && !line.StartsWith('#'))
                {
                    errors++;
                }
            }

            Console.WriteLine($"{errors} error lines");
            """,
            "Unlike File.ReadAllLines, nothing is loaded up front."),
        new("csharp", "Records and pattern matching for shipping rules",
            "Positional records and switch expressions make small rule tables easy to read.",
            """
            public record Parcel(double WeightKg, string Country);

            public static class Shipping
            {
                public static decimal Cost(Parcel p) => p switch
                {
                    { WeightKg: <= 0 } => throw new ArgumentOutOfRangeException(nameof(p)),
                    { Country: "NL", WeightKg: < 2 } => 4.95m,
                    { Country: "NL" } => 7.50m,
                    { WeightKg: < 2 } => 9.90m,
                    _ => 14.00m,
                };
            }
            """,
            "The first arm guards against nonsense input before any price is chosen."),
        new("csharp", "Cancelling a slow operation with a timeout",
            "CancellationTokenSource can cancel itself after a delay, which is the simplest way to put a time limit on async work.",
            """
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                string body = await http.GetStringAsync("https://api.example/report", cts.Token);
                Console.WriteLine(body.Length);
            }
            catch (OperationCanceledException) when (cts.IsCancellationRequested)
            {
                Console.Error.WriteLine("Timed out after 5 seconds");
            }
            """,
            "The exception filter makes sure only our own timeout is handled here."),
        new("csharp", "Generic binary search over a sorted array",
            "Writing binary search once is a good exercise in off-by-one discipline.",
            """
            static int IndexOf<T>(T[] items, T value) where T : IComparable<T>
            {
                int lo = 0, hi = items.Length - 1;
                while (lo <= hi)
                {
                    int mid = lo + ((hi - lo) >> 1);
                    int cmp = items[mid].CompareTo(value);
                    if (cmp == 0) return mid;
                    if (cmp < 0) lo = mid + 1; else hi = mid - 1;
                }
                return ~lo;
            }
            """,
            "Returning the complement of the insertion point mirrors Array.BinarySearch."),
        new("javascript", "Debouncing a search box in JavaScript",
            "Debouncing waits until the user stops typing before sending a request.",
            """
            function debounce(fn, waitMs) {
              let timer = null;
              return (...args) => {
                clearTimeout(timer);
                timer = setTimeout(() => fn(...args), waitMs);
              };
            }

            const input = document.querySelector('#search');
            input.addEventListener('input', debounce(async (e) => {
              const res = await fetch(`/api/search?q=${encodeURIComponent(e.target.value)}`);
              render(await res.json());
            }, 300));
            """,
            "Three hundred milliseconds feels instant to users but saves most of the requests."),
        new("javascript", "Grouping an array of objects by key",
            "Object.groupBy landed in modern runtimes, but a reduce-based version works everywhere.",
            """
            const orders = [
              { id: 1, status: 'open', total: 20 },
              { id: 2, status: 'paid', total: 35 },
              { id: 3, status: 'open', total: 12 },
            ];

            const byStatus = orders.reduce((groups, order) => {
              (groups[order.status] ??= []).push(order);
              return groups;
            }, {});

            console.log(Object.keys(byStatus)); // ['open', 'paid']
            """,
            "The nullish assignment creates each bucket the first time its key appears."),
        new("javascript", "A minimal HTTP server with Node.js",
            "Node's built-in http module can serve JSON without any framework at all.",
            """
            import http from 'node:http';

            const server = http.createServer((req, res) => {
              if (req.url === '/health' && req.method === 'GET') {
                res.writeHead(200, { 'Content-Type': 'application/json' });
                res.end(JSON.stringify({ ok: true, uptime: process.uptime() }));
                return;
              }
              res.writeHead(404).end();
            });

            server.listen(8080, () => console.log('listening on :8080'));
            """,
            "Anything other than GET /health gets an empty 404 response."),
        new("javascript", "Waiting for several promises at once",
            "Promise.allSettled reports every outcome, unlike Promise.all which stops at the first rejection.",
            """
            const urls = ['/a.json', '/b.json', '/missing.json'];
            const results = await Promise.allSettled(urls.map(u => fetch(u).then(r => {
              if (!r.ok) throw new Error(`${u}: ${r.status}`);
              return r.json();
            })));

            for (const r of results) {
              if (r.status === 'fulfilled') console.log('ok', r.value);
              else console.warn('failed', r.reason.message);
            }
            """,
            "Each result says whether it was fulfilled or rejected, so partial failures are easy to report."),
    ];

    public static IEnumerable<Capture> Create()
    {
        for (int i = 0; i < s_tutorials.Length; i++)
        {
            Tutorial t = s_tutorials[i];
            string slug = ArticleFactory.Slugify(t.Title);
            var body = new StringBuilder(4096);
            body.Append($$"""
                <header><a href="/">DevGuide</a> <nav><a href="/python/">Python</a> <a href="/csharp/">C#</a> <a href="/javascript/">JavaScript</a> <a href="/newsletter/">Newsletter</a></nav></header>
                <main>
                <article class="tutorial">
                <h1>{{E(t.Title)}}</h1>
                <p class="meta">Tutorial · {{t.Language}} · {{5 + i}} min read</p>
                <p>{{E(t.Intro)}}</p>
                <h2>The code</h2>
                <pre><code class="language-{{t.Language}}">{{E(t.Code)}}</code></pre>
                <h2>How it works</h2>
                <p>{{E(t.Outro)}}</p>
                <p>Try changing the inputs and run it again; small experiments are the fastest way to learn.</p>
                </article>
                </main>
                <aside><h3>Next tutorials</h3><ul><li><a href="/basics/variables/">Variables</a></li><li><a href="/basics/loops/">Loops</a></li><li><a href="/basics/errors/">Handling errors</a></li></ul></aside>
                <footer>&copy; 2026 DevGuide · <a href="/privacy/">Privacy</a></footer>
                <script src="/js/highlight.min.js"></script><script>hljs.highlightAll();</script>
                """);
            yield return new Capture
            {
                Uri = $"https://devguide.example/{t.Language}/{slug}/",
                Category = Categories.Code,
                Charset = "utf-8 (http header + meta charset)",
                Response = new HttpResponse
                {
                    ContentType = "text/html; charset=utf-8",
                    Body = Encoding.UTF8.GetBytes(PageShell.Render("en", E(t.Title) + " | DevGuide", "<meta charset=\"utf-8\">", body.ToString())),
                },
            };
        }
    }
}
