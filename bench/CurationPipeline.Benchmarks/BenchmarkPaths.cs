namespace CurationPipeline.Benchmarks;

/// <summary>Where the checkout and the shared data (beside it, never copied in) are, found from the benchmark's folder.</summary>
internal static class BenchmarkPaths
{
    /// <summary>The folder holding CurationPipeline.sln.</summary>
    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CurationPipeline.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("CurationPipeline.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The fixture root (<c>$CURATE_SHARED_DATA</c>, else ../shared/data next to the checkout), or a path under it.</summary>
    /// <param name="parts">Path parts under the fixture root.</param>
    public static string SharedData(params string[] parts)
    {
        string fromEnv = Environment.GetEnvironmentVariable("CURATE_SHARED_DATA") ?? "";
        string data = fromEnv.Length > 0 ? Path.GetFullPath(fromEnv) : Path.GetFullPath(Path.Combine(RepoRoot(), "..", "shared", "data"));
        if (!Directory.Exists(data))
        {
            throw new DirectoryNotFoundException(
                $"{data} not found: the benchmarks read the third-party fixtures (set CURATE_SHARED_DATA or run scripts/fetch-test-data.sh).");
        }

        return Path.Combine([data, .. parts]);
    }
}
