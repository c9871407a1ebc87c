namespace CurationPipeline.Tests;

/// <summary>Finds the repository root and the shared data folder (../shared next to the checkout).</summary>
internal static class TestData
{
    private static readonly Lazy<string> s_repoRoot = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CurationPipeline.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("CurationPipeline.sln not found above " + AppContext.BaseDirectory);
    });

    /// <summary>The checkout root (the folder holding CurationPipeline.sln).</summary>
    public static string RepoRoot => s_repoRoot.Value;

    /// <summary>The shared data folder; a missing folder fails the test instead of skipping it.</summary>
    public static string SharedData
    {
        get
        {
            string fromEnv = Environment.GetEnvironmentVariable("CURATE_SHARED_DATA") ?? "";
            string path = fromEnv.Length > 0 ? fromEnv : Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "data"));
            if (fromEnv.Length == 0 && !Directory.Exists(path) && Directory.Exists("/work/shared/data"))
            {
                path = "/work/shared/data"; // a clone elsewhere on the development machine (CI clones outside /work)
            }

            if (!Directory.Exists(path))
            {
                throw new DirectoryNotFoundException($"Shared test data not found at {path} (set CURATE_SHARED_DATA).");
            }

            return path;
        }
    }

    /// <summary>A path under the shared data folder, which must exist.</summary>
    public static string Shared(string relative)
    {
        string path = Path.Combine(SharedData, relative);
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            throw new FileNotFoundException("Missing shared fixture", path);
        }

        return path;
    }

    /// <summary>A fresh temporary directory for one test.</summary>
    public static string NewTempDirectory()
    {
        string path = Path.Combine(Path.GetTempPath(), "curate-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }
}
