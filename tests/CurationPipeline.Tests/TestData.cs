namespace CurationPipeline.Tests;

/// <summary>Finds the repository root and the third-party fixtures (<c>$CURATE_SHARED_DATA</c>, else <c>../shared/data</c> next to the checkout).</summary>
/// <remarks>
/// When the fixture root does not exist, a test that needs it is skipped with <see cref="MissingFixturesReason"/>, unless
/// <c>CURATE_REQUIRE_FIXTURES=1</c> (CI), which fails it instead. A <c>CURATE_SHARED_DATA</c> that names a missing folder, and a
/// fixture missing from a root that exists, always fail: those are mistakes, not an absent download.
/// </remarks>
internal static class TestData
{
    /// <summary>The environment variable naming the fixture root.</summary>
    public const string SharedDataVariable = "CURATE_SHARED_DATA";

    /// <summary>The environment variable that turns an absent fixture root into a failure (set by <c>.ci/run</c>).</summary>
    public const string RequireFixturesVariable = "CURATE_REQUIRE_FIXTURES";

    /// <summary>The one skip reason of every test that needs the third-party fixtures (scripts/test.sh counts it).</summary>
    public const string MissingFixturesReason =
        "third-party fixtures absent: no ../shared/data next to the checkout and CURATE_SHARED_DATA unset (scripts/fetch-test-data.sh downloads them)";

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

    /// <summary>Whether a missing fixture root fails the test instead of skipping it (<c>CURATE_REQUIRE_FIXTURES=1</c>).</summary>
    public static bool RequireFixtures => Environment.GetEnvironmentVariable(RequireFixturesVariable) is "1" or "true";

    /// <summary>The fixture root; skips the calling test when it is absent (see the class remarks).</summary>
    public static string SharedData
    {
        get
        {
            string fromEnv = Environment.GetEnvironmentVariable(SharedDataVariable) ?? "";
            if (fromEnv.Length > 0)
            {
                string explicitPath = Path.GetFullPath(fromEnv);
                if (!Directory.Exists(explicitPath))
                {
                    throw new DirectoryNotFoundException($"{SharedDataVariable}={fromEnv} does not exist.");
                }

                return explicitPath;
            }

            string path = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "data"));
            if (Directory.Exists(path))
            {
                return path;
            }

            if (RequireFixtures)
            {
                throw new DirectoryNotFoundException(
                    $"Third-party fixtures not found at {path} and {SharedDataVariable} is unset, but {RequireFixturesVariable} requires them.");
            }

            Assert.Skip(MissingFixturesReason);
            return path; // not reached: Assert.Skip throws
        }
    }

    /// <summary>A path under the fixture root, which must exist (skips the calling test when the whole root is absent).</summary>
    public static string Shared(string relative)
    {
        string path = Path.Combine(SharedData, relative);
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            throw new FileNotFoundException("Missing shared fixture (the fixture root exists but lacks it; see scripts/fetch-test-data.sh)", path);
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
