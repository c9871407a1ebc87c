using System.Globalization;
using CurationPipeline.Documents;
using CurationPipeline.Outputs;
using CurationPipeline.Pipelines.Layout;
using CurationPipeline.Storage;
using CurationPipeline.Tokenization;

namespace CurationPipeline.Tests.Pipelines;

/// <summary>
/// The quickstart as the determinism tests run it (four inputs, every record id twice), and the
/// determinism contract as an assertion: the drop list and the mix byte for byte, tokenized, annotated and rejects rows as sets.
/// </summary>
internal static class RunOutputs
{
    private static readonly string[] s_compared = ["dedup/drop-list.bin", "dedup/drop-list.parquet", "mix/train", "mix/validation", "mix/bin", "mix/megatron"];

    /// <summary>The sample crawl and its JSON Lines twice each, under other names: four tasks' worth, every id twice.</summary>
    public static string WriteInput()
    {
        string input = TestData.NewTempDirectory();
        string sample = Path.Combine(TestData.RepoRoot, "sample-warc");
        File.Copy(Path.Combine(sample, "quickstart.warc.gz"), Path.Combine(input, "a.warc.gz"));
        File.Copy(Path.Combine(sample, "quickstart-docs.jsonl"), Path.Combine(input, "b.jsonl"));
        File.Copy(Path.Combine(sample, "quickstart.warc.gz"), Path.Combine(input, "c.warc.gz"));
        File.Copy(Path.Combine(sample, "quickstart-docs.jsonl"), Path.Combine(input, "d.jsonl"));
        return input;
    }

    /// <summary>The quickstart pipeline as shipped, with its paths made absolute.</summary>
    public static string WritePipeline(string input)
    {
        string text = File.ReadAllText(Path.Combine(TestData.RepoRoot, "pipelines", "quickstart.yaml"))
            .Replace("../", TestData.RepoRoot + "/", StringComparison.Ordinal)
            .Replace("mix: quickstart-mix.yaml", $"mix: {Path.Combine(TestData.RepoRoot, "pipelines", "quickstart-mix.yaml")}", StringComparison.Ordinal)
            .Replace(": decontam/", $": {Path.Combine(TestData.RepoRoot, "pipelines", "decontam")}/", StringComparison.Ordinal);
        string path = Path.Combine(Path.GetDirectoryName(input)!, Path.GetFileName(input) + "-pipeline.yaml");
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Asserts that <paramref name="actual"/> holds the same run output as <paramref name="expected"/>.</summary>
    public static async Task AssertSameAsync(string expected, string actual, CancellationToken ct)
    {
        foreach (string relative in s_compared)
        {
            string[] files = Files(expected, relative);
            Assert.NotEmpty(files);
            Assert.Equal(files, Files(actual, relative));
            foreach (string file in files)
            {
                byte[] want = await File.ReadAllBytesAsync(Path.Combine(expected, file), ct);
                byte[] got = await File.ReadAllBytesAsync(Path.Combine(actual, file), ct);
                Assert.True(want.AsSpan().SequenceEqual(got), $"{file} differs between {expected} and {actual}");
            }
        }

        string[] wantReport = MixReportWithoutSeconds(expected), gotReport = MixReportWithoutSeconds(actual);
        int line = Enumerable.Range(0, Math.Max(wantReport.Length, gotReport.Length)).FirstOrDefault(i => i >= wantReport.Length || i >= gotReport.Length || wantReport[i] != gotReport[i], -1);
        Assert.True(line < 0, $"mix-report.json differs at line {line + 1}: '{wantReport.ElementAtOrDefault(line)}' in {expected}, '{gotReport.ElementAtOrDefault(line)}' in {actual}");
        Assert.Equal(await TokenizedRowsAsync(expected, ct), await TokenizedRowsAsync(actual, ct));
        Assert.Equal(await AnnotatedRowsAsync(expected, ct), await AnnotatedRowsAsync(actual, ct));
        Assert.Equal(await RejectRowsAsync(expected, ct), await RejectRowsAsync(actual, ct));
    }

    /// <summary>The mix report's lines without its one wall-clock field: the rest must match byte for byte.</summary>
    private static string[] MixReportWithoutSeconds(string output)
    {
        string[] lines = File.ReadAllLines(Path.Combine(output, "mix", "mix-report.json"));
        Assert.Single(lines, l => l.TrimStart().StartsWith("\"seconds\":", StringComparison.Ordinal));
        return [.. lines.Where(l => !l.TrimStart().StartsWith("\"seconds\":", StringComparison.Ordinal))];
    }

    private static string[] Files(string root, string relative)
    {
        string path = Path.Combine(root, relative);
        return File.Exists(path)
            ? [relative]
            : [.. Directory.GetFiles(path).Select(f => Path.GetRelativePath(root, f)).Order(StringComparer.Ordinal)];
    }

    /// <summary>Every tokenized row as (id, source, tokens), sorted: what the tag pass wrote, whatever the shard and row order.</summary>
    /// <param name="output">The output directory.</param>
    /// <param name="ct">Cancels the reads.</param>
    internal static async Task<List<string>> TokenizedRowsAsync(string output, CancellationToken ct)
    {
        var rows = new List<string>();
        foreach (string shard in Directory.GetFiles(Path.Combine(output, OutputLayout.Tokenized), "*.parquet"))
        {
            await using TokenizedShardReader reader = await TokenizedShardReader.OpenAsync(LocalStorage.Instance, shard, ct);
            await foreach (TokenizedDocument row in reader.ReadAllAsync(ct))
            {
                rows.Add($"{row.Id}|{row.SourcePath}|{row.SourceOffset}|{string.Join(',', row.InputIds.ToArray())}");
            }
        }

        rows.Sort(StringComparer.Ordinal);
        Assert.NotEmpty(rows);
        return rows;
    }

    /// <summary>Every rejects row as (id, url, stage, reason, error, detail), sorted (a run may reject nothing).</summary>
    private static async Task<List<string>> RejectRowsAsync(string output, CancellationToken ct)
    {
        var rows = new List<string>();
        string folder = Path.Combine(output, OutputLayout.Rejects);
        foreach (string shard in Directory.Exists(folder) ? Directory.GetFiles(folder, "*.parquet") : [])
        {
            await foreach (Rejection row in ShardReader.ReadRejectsAsync(LocalStorage.Instance, shard, ct))
            {
                rows.Add($"{row.Id}|{row.Url}|{row.Stage}|{row.Reason}|{row.IsError}|{row.Detail}");
            }
        }

        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    /// <summary>Every annotated row as (id, source, text, filter reason, every signal), sorted.</summary>
    private static async Task<List<string>> AnnotatedRowsAsync(string output, CancellationToken ct)
    {
        var rows = new List<string>();
        foreach (string shard in Directory.GetFiles(Path.Combine(output, OutputLayout.Annotated), "*.parquet"))
        {
            await foreach (AnnotatedDocument row in ShardReader.ReadAnnotatedAsync(LocalStorage.Instance, shard, ct))
            {
                string numbers = string.Join(',', row.Signals.Numbers.Select(n => n.ToString("R", CultureInfo.InvariantCulture)));
                rows.Add($"{row.Id}|{row.SourcePath}|{row.SourceOffset}|{row.Url}|{row.Title}|{row.FilterReason}|{numbers}|{string.Join(',', row.Signals.Texts)}|{row.Text}");
            }
        }

        rows.Sort(StringComparer.Ordinal);
        Assert.NotEmpty(rows);
        return rows;
    }
}
