using System.Diagnostics;
using System.Text.Json;

namespace CurationPipeline.Tests;

/// <summary>Reads a Parquet file with DuckDB (tests/interop/read-parquet.mjs): a reference engine's view of our files.</summary>
internal static class DuckDb
{
    /// <summary>The file's columns, rows and key-value metadata, as the script prints them.</summary>
    public static JsonDocument Read(string parquetPath)
    {
        string interop = Path.Combine(TestData.RepoRoot, "tests", "interop");
        if (!Directory.Exists(Path.Combine(interop, "node_modules", "@duckdb", "node-api")))
        {
            Assert.Fail("DuckDB for the interop check is not installed: run `npm ci --prefix tests/interop` in the repository root.");
        }

        var start = new ProcessStartInfo("node", [Path.Combine(interop, "read-parquet.mjs"), parquetPath])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = TestData.RepoRoot,
        };
        using Process process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        Task<string> stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        string stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"node read-parquet.mjs failed ({process.ExitCode}): {stderr.Result}");
        return JsonDocument.Parse(stdout);
    }
}
