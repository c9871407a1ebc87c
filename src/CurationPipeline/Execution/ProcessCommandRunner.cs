using System.ComponentModel;
using System.Diagnostics;

namespace CurationPipeline.Execution;

/// <summary>Runs commands as child processes, with a time limit per command.</summary>
/// <remarks>Thread-safe. The child inherits this process's environment (so <c>SLURM_CONF</c> reaches every Slurm command).</remarks>
public sealed class ProcessCommandRunner : ICommandRunner
{
    /// <summary>Creates a runner whose commands are killed after <paramref name="timeout"/>.</summary>
    /// <param name="timeout">The longest one command may run; Slurm's client commands answer in seconds.</param>
    public ProcessCommandRunner(TimeSpan timeout)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        Timeout = timeout;
    }

    /// <summary>The longest one command may run.</summary>
    public TimeSpan Timeout { get; }

    /// <inheritdoc/>
    /// <exception cref="TimeoutException">The command ran longer than <see cref="Timeout"/> and was killed.</exception>
    public async Task<CommandResult> RunAsync(string fileName, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(fileName);
        ArgumentNullException.ThrowIfNull(arguments);
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new CommandNotFoundException(fileName);
        }
        catch (Win32Exception e)
        {
            throw new CommandNotFoundException(fileName, e);
        }

        using (process)
        {
            process.StandardInput.Close();
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(Timeout);
            Task<string> stdout = process.StandardOutput.ReadToEndAsync(limit.Token);
            Task<string> stderr = process.StandardError.ReadToEndAsync(limit.Token);
            try
            {
                await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
                return new CommandResult(process.ExitCode, await stdout.ConfigureAwait(false), await stderr.ConfigureAwait(false));
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                cancellationToken.ThrowIfCancellationRequested();
                throw new TimeoutException($"'{fileName} {string.Join(' ', arguments)}' did not answer within {Timeout.TotalSeconds:0} s and was killed.");
            }
        }
    }
}
