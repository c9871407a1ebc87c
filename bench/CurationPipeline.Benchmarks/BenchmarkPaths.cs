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

    /// <summary>../shared/data next to the checkout, or a path under it.</summary>
    /// <param name="parts">Path parts under shared/data.</param>
    public static string SharedData(params string[] parts)
    {
        string data = Path.GetFullPath(Path.Combine(RepoRoot(), "..", "shared", "data"));
        if (!Directory.Exists(data))
        {
            throw new DirectoryNotFoundException($"{data} not found: the benchmarks read the shared data beside the checkout.");
        }

        return Path.Combine([data, .. parts]);
    }
}
