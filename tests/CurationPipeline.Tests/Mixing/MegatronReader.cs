using System.Diagnostics;
using System.Text.Json;

namespace CurationPipeline.Tests.Mixing;

/// <summary>
/// Runs the independent Megatron-LM indexed-dataset reader (<c>tests/megatron/read_indexed_dataset.py</c>, Python standard
/// library only) on a <c>.bin</c>/<c>.idx</c> prefix; skips the calling test when <c>python3</c> is not installed.
/// </summary>
internal static class MegatronReader
{
    public sealed record Dataset(string DType, IReadOnlyList<int[]> Documents);

    public static async Task<Dataset> ReadAsync(string prefix, CancellationToken cancellationToken)
    {
        (int exitCode, string stdout, string stderr) = await RunAsync(prefix, cancellationToken);
        Assert.True(exitCode == 0, $"the reader failed ({exitCode}): {stderr}");

        using JsonDocument json = JsonDocument.Parse(stdout);
        int[][] documents = [.. json.RootElement.GetProperty("documents").EnumerateArray().Select(d => d.EnumerateArray().Select(t => t.GetInt32()).ToArray())];
        return new Dataset(json.RootElement.GetProperty("dtype").GetString()!, documents);
    }

    /// <summary>Runs the reader on <paramref name="prefix"/>: its exit code, standard output and standard error.</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string prefix, CancellationToken cancellationToken)
    {
        string? python = FindPython();
        if (python is null)
        {
            Assert.Skip("python3 is not installed (it runs the independent Megatron reader tests/megatron/read_indexed_dataset.py)");
        }

        var start = new ProcessStartInfo(python!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(TestData.RepoRoot, "tests", "megatron", "read_indexed_dataset.py"));
        start.ArgumentList.Add(prefix);
        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        Task<string> stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return (process.ExitCode, await stdout, await stderr);
    }

    private static string? FindPython() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "python3"))
            .FirstOrDefault(File.Exists);
}
