using System.Diagnostics;

namespace CurationPipeline.Tests.Filters;

/// <summary>
/// The GSM8K and MATH test sets of the classifier fixtures (<c>classify/math</c>, MIT): GSM8K read in place, MATH decompressed
/// once per test run with <c>xz -d</c> into a temporary folder (never into the repository).
/// </summary>
internal static class EvalSets
{
    public const string Gsm8kFixture = "classify/math/gsm8k/test.jsonl";
    public const string MathFixture = "classify/math/math/test_minus_math500.jsonl.xz";

    /// <summary>The fields the two sets keep their text in.</summary>
    public static readonly string[] TextFields = ["question", "answer", "problem", "solution"];

    private static readonly SemaphoreSlim s_gate = new(1, 1);
    private static string? s_math;

    public static string Gsm8k => TestData.Shared(Gsm8kFixture);

    public static async Task<string> MathAsync(CancellationToken cancellationToken)
    {
        string compressed = TestData.Shared(MathFixture);
        await s_gate.WaitAsync(cancellationToken);
        try
        {
            if (s_math is null)
            {
                string xz = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                    .Select(dir => Path.Combine(dir, "xz")).FirstOrDefault(File.Exists) ?? "";
                if (xz.Length == 0)
                {
                    Assert.Skip("xz is not installed (it decompresses the MATH test set fixture)");
                }

                string path = Path.Combine(TestData.NewTempDirectory(), "math-test.jsonl");
                var start = new ProcessStartInfo(xz) { RedirectStandardOutput = true, UseShellExecute = false };
                start.ArgumentList.Add("-dc");
                start.ArgumentList.Add(compressed);
                using Process process = Process.Start(start)!;
                await using (FileStream output = File.Create(path))
                {
                    await process.StandardOutput.BaseStream.CopyToAsync(output, cancellationToken);
                }

                await process.WaitForExitAsync(cancellationToken);
                Assert.Equal(0, process.ExitCode);
                s_math = path;
            }

            return s_math;
        }
        finally
        {
            s_gate.Release();
        }
    }
}
