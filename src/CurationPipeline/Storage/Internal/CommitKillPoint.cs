using System.Diagnostics;
using System.IO.Enumeration;

namespace CurationPipeline.Storage.Internal;

/// <summary>
/// A deterministic crash for fault tests: <c>CURATE_FAULT_KILL=before:GLOB</c> or <c>after:GLOB</c> makes the process kill itself
/// with SIGKILL when it commits a file whose path matches <c>GLOB</c> (<c>*</c> and <c>?</c>), just before the file is published
/// (its complete temporary file left behind) or just after (the file published, nothing after it done).
/// </summary>
/// <remarks>
/// A test that polls the output directory and kills from outside races the process: on a fast machine a pass finishes between
/// two polls. A kill at a named commit lands at the same point on every machine. Unset, the variable costs one string check per commit.
/// </remarks>
internal static class CommitKillPoint
{
    /// <summary>The environment variable.</summary>
    public const string Variable = "CURATE_FAULT_KILL";

    private static readonly (bool Before, string Pattern)? s_point = Parse(Environment.GetEnvironmentVariable(Variable));

    /// <summary>Kills the process if the point is "before" a commit of <paramref name="path"/>.</summary>
    public static void BeforeCommit(string path) => KillIfMatched(before: true, path);

    /// <summary>Kills the process if the point is "after" a commit of <paramref name="path"/>.</summary>
    public static void AfterCommit(string path) => KillIfMatched(before: false, path);

    private static void KillIfMatched(bool before, string path)
    {
        if (s_point is { } point && point.Before == before && FileSystemName.MatchesSimpleExpression(point.Pattern, path, ignoreCase: false))
        {
            using Process self = Process.GetCurrentProcess();
            self.Kill(); // SIGKILL: no finally block, no flush, no lock release but the kernel's
        }
    }

    private static (bool, string)? Parse(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        int colon = value.IndexOf(':', StringComparison.Ordinal);
        string when = colon < 0 ? "" : value[..colon];
        return when is "before" or "after" && colon + 1 < value.Length
            ? (when == "before", value[(colon + 1)..])
            : throw new InvalidOperationException($"{Variable} must be before:GLOB or after:GLOB; got '{value}'.");
    }
}
