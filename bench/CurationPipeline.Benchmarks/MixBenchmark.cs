using System.Diagnostics;
using System.Globalization;
using CurationPipeline.Mixing;
using CurationPipeline.Pipelines;
using CurationPipeline.Pipelines.Configuration;
using CurationPipeline.Pipelines.Graph;
using CurationPipeline.Pipelines.Passes;
using CurationPipeline.Pipelines.Stats;
using CurationPipeline.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace CurationPipeline.Benchmarks;

/// <summary>
/// Re-mix time vs tag time on the same data: runs the quickstart tag pass on N copies of its inputs, then mixes the tagged output
/// several times (different seeds, as an ablation sweep does) and reports each mix's wall time as a share of the tag pass.
/// </summary>
/// <remarks>
/// Usage: <c>mix [copies] [mixes]</c>; defaults 8 copies, 3 mixes. The mix uses only columns the tag pass writes today
/// (<c>n_chars</c> filter, <c>declared_language</c> rule), with llm.c output on, so it reads and writes everything a real mix does.
/// <c>max_epochs: 1</c> keeps the mix about the size of the tagged data (no up-sampling inflating the output).
/// </remarks>
internal sealed class MixBenchmark : IBenchmark
{
    private const string MixYaml = """
        name: bench
        total_tokens: 0
        filters:
          - column: n_chars
            at_least: 200
        domains:
          - domain: multilingual
            when: { column: declared_language, is_not: en, default: en }
        targets: { general: 0.8, multilingual: 0.2 }
        max_epochs: 1
        validation_tokens_per_domain: 20000
        shuffle_bucket_tokens: 1000000
        llmc_bin: true
        """;

    public string Name => "mix";

    public string Description => "re-mix wall time vs the tag pass on the same data (N copies of the quickstart inputs); target < 10%";

    public async Task<int> RunAsync(string[] args)
    {
        int copies = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 8;
        int mixes = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
        string work = Path.Combine(Path.GetTempPath(), "curate-bench", "mix-" + Guid.NewGuid().ToString("N"));
        try
        {
            PipelineOptions pipeline = PipelineConfigLoader.Load(Path.Combine(BenchmarkPaths.RepoRoot(), "pipelines", "quickstart.yaml"));
            PipelineRunner runner = TagPipelineFactory.CreateRunner(pipeline, LocalStorage.Instance, NullLoggerFactory.Instance);
            List<string> inputs = LinkCopies(runner.ResolveInputs(pipeline.Input.Paths), copies, Path.Combine(work, "input"));
            string tagged = Path.Combine(work, "tagged");

            long start = Stopwatch.GetTimestamp();
            StatsReport report = (await runner.RunAsync(inputs, tagged, pipeline.Execution, rank: null, observer: null, CancellationToken.None))!;
            double tagSeconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
            long kept = report.Stages.First(s => s.Name == TagPass.WriteStage).Out;
            Console.WriteLine($"cores: {Environment.ProcessorCount}; tag pass on {copies} copies of the quickstart inputs: {kept} documents kept in {tagSeconds:F2} s");
            Console.WriteLine("| mix | seed | train tokens | validation tokens | files | wall s | Mtokens/s | % of tag pass |");
            Console.WriteLine("|---|---|---|---|---|---|---|---|");

            MixOptions options = MixConfigLoader.Parse(MixYaml, "bench-mix.yaml");
            var mixer = new Mixer(LocalStorage.Instance, NullLogger<Mixer>.Instance);
            for (int m = 0; m < mixes; m++)
            {
                start = Stopwatch.GetTimestamp();
                MixReport mix = await mixer.RunAsync(tagged, Path.Combine(work, "mix"), options with { Seed = (ulong)m }, CancellationToken.None);
                double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {m + 1} | {m} | {mix.TrainTokens:N0} | {mix.ValidationTokens:N0} | {mix.Files.Count} | {seconds:F2} | {(mix.TrainTokens + mix.ValidationTokens) / seconds / 1e6:F1} | {100 * seconds / tagSeconds:F1}% |"));
                if (m == mixes - 1)
                {
                    Console.WriteLine();
                    Console.WriteLine(mix.FormatTable());
                }
            }

            return 0;
        }
        finally
        {
            if (Directory.Exists(work))
            {
                Directory.Delete(work, recursive: true);
            }
        }
    }

    /// <summary>N× input as symbolic links under distinct names (the tag pass reads each as its own file).</summary>
    private static List<string> LinkCopies(IReadOnlyList<string> original, int copies, string directory)
    {
        Directory.CreateDirectory(directory);
        var inputs = new List<string>(original.Count * copies);
        for (int c = 0; c < copies; c++)
        {
            foreach (string file in original)
            {
                string link = Path.Combine(directory, $"{c:D3}-{Path.GetFileName(file)}");
                File.CreateSymbolicLink(link, file);
                inputs.Add(link);
            }
        }

        return inputs;
    }
}
