using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace CurationPipeline.Tests.Execution.Slurm;

/// <summary>
/// A real single-node Slurm for the tests of one collection: when running as root with Debian's <c>slurmctld</c>, <c>slurmd</c>,
/// <c>slurm-client</c> and <c>munge</c> installed, it writes a <c>slurm.conf</c> in a temporary folder (node <c>localhost</c>,
/// this machine's CPUs, free ports, no accounting), starts <c>munged</c> if none answers, then <c>slurmctld</c> and <c>slurmd</c>,
/// and waits for the node to be idle; on dispose it cancels every job and stops what it started, by PID.
/// </summary>
/// <remarks>
/// Otherwise the tests skip with <see cref="SkipReason"/>; <c>CURATE_REQUIRE_SLURM=1</c> (CI) makes that a failure. Every Slurm
/// command of a test, and every job through <c>sbatch</c>, reads this cluster from <see cref="ConfigVariable"/>.
/// </remarks>
public sealed class SlurmCluster : IAsyncLifetime
{
    /// <summary>The environment variable every Slurm command reads its configuration from.</summary>
    public const string ConfigVariable = "SLURM_CONF";

    /// <summary>The environment variable that turns an absent Slurm into a failure (set by <c>.ci/run</c>).</summary>
    public const string RequireVariable = "CURATE_REQUIRE_SLURM";

    private const string NotInstalled = "Slurm absent: slurmctld, slurmd, slurm-client or munge is not installed (scripts/test.sh installs them when run as root)";
    private const string NotRoot = "Slurm absent: starting slurmctld and slurmd needs root";
    private static readonly string[] s_binaries = ["/usr/sbin/slurmctld", "/usr/sbin/slurmd", "/usr/sbin/munged", "/usr/bin/sbatch", "/usr/bin/squeue", "/usr/bin/sinfo", "/usr/bin/scancel", "/usr/bin/munge"];
    private static readonly TimeSpan s_startTimeout = TimeSpan.FromSeconds(120); // a hang detector: slurmd registers within seconds, but CI machines are loaded

    private readonly List<int> _daemons = [];
    private string _folder = "";

    /// <summary>Why the tests cannot run here, or <c>null</c> when the cluster is up.</summary>
    public string? SkipReason { get; private set; }

    /// <summary>The cluster's <c>slurm.conf</c>.</summary>
    public string ConfigPath { get; private set; } = "";

    /// <summary>Skips the calling test when the cluster is not up.</summary>
    public void SkipUnlessUp()
    {
        if (SkipReason is { } reason)
        {
            Assert.Skip(reason);
        }
    }

    /// <inheritdoc/>
    public async ValueTask InitializeAsync()
    {
        SkipReason = !OperatingSystem.IsLinux() || !s_binaries.All(File.Exists) ? NotInstalled : !Environment.IsPrivilegedProcess ? NotRoot : null;
        if (SkipReason is not null)
        {
            if (Environment.GetEnvironmentVariable(RequireVariable) is "1" or "true")
            {
                throw new InvalidOperationException($"{SkipReason}, but {RequireVariable} requires Slurm.");
            }

            return;
        }

        _folder = TestData.NewTempDirectory();
        foreach (string sub in (string[])["state", "spool", "log"])
        {
            Directory.CreateDirectory(Path.Combine(_folder, sub));
        }

        ConfigPath = Path.Combine(_folder, "slurm.conf");
        await File.WriteAllTextAsync(ConfigPath, Config(_folder, FreePort(), FreePort()));
        await StartMungeAsync();
        await StartDaemonAsync("/usr/sbin/slurmctld", ["-i"], "slurmctld.pid");
        await StartDaemonAsync("/usr/sbin/slurmd", ["-N", "localhost"], "slurmd.pid");
        var deadline = Stopwatch.StartNew();
        while ((await RunAsync("sinfo", "--noheader", "--format=%T")).Output.Trim() != "idle")
        {
            if (deadline.Elapsed > s_startTimeout)
            {
                throw new InvalidOperationException($"The test Slurm's node did not become idle within {s_startTimeout.TotalSeconds} s; logs in {_folder}/log.");
            }

            await Task.Delay(250);
        }
    }

    /// <summary>Runs a Slurm client command against this cluster.</summary>
    public async Task<(int ExitCode, string Output)> RunAsync(string command, params string[] arguments)
    {
        var start = new ProcessStartInfo(command) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.Environment[ConfigVariable] = ConfigPath;
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    /// <summary>Waits until no job is queued or running, cancelling all of them and failing if that takes longer than <paramref name="timeout"/>.</summary>
    public async Task WaitForEmptyQueueAsync(TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        string queue;
        while ((queue = (await RunAsync("squeue", "--noheader", "--array", "--format=%i %T %r")).Output.Trim()).Length > 0)
        {
            if (clock.Elapsed > timeout)
            {
                await RunAsync("scancel", "--user=root");
                Assert.Fail($"Slurm jobs still queued after {timeout.TotalSeconds} s (cancelled): {queue}");
            }

            await Task.Delay(500);
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (_daemons.Count > 0)
        {
            await RunAsync("scancel", "--user=root");
        }

        for (int i = _daemons.Count - 1; i >= 0; i--)
        {
            await StopAsync(_daemons[i]);
        }
    }

    /// <summary>Starts <c>munged</c> unless one answers already (a munged started here is stopped on dispose).</summary>
    private async Task StartMungeAsync()
    {
        if (await MungeAnswersAsync())
        {
            return;
        }

        await ExecAsync("install", "-d", "-o", "munge", "-g", "munge", "-m", "755", "/run/munge");
        await ExecAsync("runuser", "-u", "munge", "--", "/usr/sbin/munged");
        _daemons.Add(await ReadPidAsync("/run/munge/munged.pid"));
        var clock = Stopwatch.StartNew();
        while (!await MungeAnswersAsync())
        {
            Assert.True(clock.Elapsed < s_startTimeout, "munged started but does not answer");
            await Task.Delay(100);
        }
    }

    private static async Task<bool> MungeAnswersAsync()
    {
        var start = new ProcessStartInfo("/bin/sh", ["-c", "munge -n | unmunge"]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        await Task.WhenAll(stdout, stderr);
        return process.ExitCode == 0;
    }

    private async Task StartDaemonAsync(string daemon, string[] arguments, string pidFile)
    {
        var start = new ProcessStartInfo(daemon, arguments) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment[ConfigVariable] = ConfigPath;
        using Process process = Process.Start(start)!; // forks the daemon and exits
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{daemon} exited {process.ExitCode}: {await stderr}");
        _daemons.Add(await ReadPidAsync(Path.Combine(_folder, pidFile)));
    }

    private static async Task<int> ReadPidAsync(string path)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (File.Exists(path) && int.TryParse((await File.ReadAllTextAsync(path)).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int pid))
            {
                return pid;
            }

            Assert.True(clock.Elapsed < s_startTimeout, $"{path} was not written");
            await Task.Delay(100);
        }
    }

    private static async Task ExecAsync(string command, params string[] arguments)
    {
        using Process process = Process.Start(new ProcessStartInfo(command, arguments) { UseShellExecute = false })!;
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{command} {string.Join(' ', arguments)} exited {process.ExitCode}");
    }

    /// <summary>Sends SIGTERM and waits up to 10 s, then SIGKILL.</summary>
    private static async Task StopAsync(int pid)
    {
        if (kill(pid, Sigterm) != 0)
        {
            return; // already gone
        }

        var clock = Stopwatch.StartNew();
        while (kill(pid, 0) == 0 && clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(100);
        }

        if (kill(pid, 0) == 0)
        {
            kill(pid, Sigkill);
        }
    }

    private const int Sigterm = 15;
    private const int Sigkill = 9;

    [DllImport("libc", SetLastError = true)]
#pragma warning disable SA1300, IDE1006 // the C function's name
    private static extern int kill(int pid, int signal);
#pragma warning restore SA1300, IDE1006

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Config(string folder, int controllerPort, int nodePort) => $"""
        ClusterName=curatetest
        SlurmctldHost=localhost(127.0.0.1)
        SlurmUser=root
        SlurmdUser=root
        AuthType=auth/munge
        CredType=cred/munge
        MpiDefault=none
        ProctrackType=proctrack/linuxproc
        TaskPlugin=task/none
        JobAcctGatherType=jobacct_gather/none
        AccountingStorageType=accounting_storage/none
        JobCompType=jobcomp/none
        SchedulerType=sched/backfill
        SelectType=select/cons_tres
        SelectTypeParameters=CR_Core
        ReturnToService=2
        SlurmctldPort={controllerPort}
        SlurmdPort={nodePort}
        StateSaveLocation={folder}/state
        SlurmdSpoolDir={folder}/spool
        SlurmctldPidFile={folder}/slurmctld.pid
        SlurmdPidFile={folder}/slurmd.pid
        SlurmctldLogFile={folder}/log/slurmctld.log
        SlurmdLogFile={folder}/log/slurmd.log
        NodeName=localhost NodeAddr=127.0.0.1 CPUs={Environment.ProcessorCount} RealMemory=1000 State=UNKNOWN
        PartitionName=debug Nodes=localhost Default=YES MaxTime=INFINITE State=UP

        """;
}
