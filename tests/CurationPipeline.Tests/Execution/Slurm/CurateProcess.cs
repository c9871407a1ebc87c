using System.Diagnostics;

namespace CurationPipeline.Tests.Execution.Slurm;

/// <summary>Runs the built <c>curate</c> executable as a child process and captures what it printed.</summary>
internal static class CurateProcess
{
    /// <summary>Runs <c>curate</c> with <paramref name="arguments"/> and extra environment variables; fails the test after <paramref name="timeout"/>.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(IReadOnlyDictionary<string, string> environment, TimeSpan timeout, params string[] arguments)
    {
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "curate"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach ((string name, string value) in environment)
        {
            start.Environment[name] = value;
        }

        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"curate {string.Join(' ', arguments)} ran longer than {timeout.TotalSeconds} s");
        }

        return (process.ExitCode, await stdout, await stderr);
    }
}
