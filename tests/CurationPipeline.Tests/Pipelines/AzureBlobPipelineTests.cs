using System.Diagnostics;
using System.Globalization;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using CurationPipeline.Dedup;
using CurationPipeline.Outputs;
using CurationPipeline.Pipelines.Layout;
using CurationPipeline.Pipelines.Stats;
using CurationPipeline.Storage;
using CurationPipeline.Tests.Storage.Azure;
using CurationPipeline.Tokenization;

namespace CurationPipeline.Tests.Pipelines;

/// <summary>
/// The real <c>curate</c> process against a real Azurite: the quickstart (four inputs, every id twice, as in
/// <see cref="FaultInjectionTests"/>) with its output, and then also its inputs, classifiers and mix file, under <c>az://</c>;
/// killed at commits and resumed; the emulator stopped mid-run and started again; a wrong key and a missing container.
/// </summary>
/// <remarks>
/// Documents name their source file relative to the run's input root (<see cref="Pipelines.Graph.InputRoot"/>), so a run that reads
/// its inputs from blob storage writes the same bytes as one that reads the same files from local disk.
/// </remarks>
[Collection(AzuriteCollection.Name)]
public sealed class AzureBlobPipelineTests(AzuriteFixture azurite)
{
    private static readonly SemaphoreSlim s_referenceGate = new(1, 1);
    private static (string Input, string Pipeline, string Output)? s_reference;

    [Fact]
    public async Task Run_QuickstartWithOutputOnBlobStorage_SameBytesAsLocalRun()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        string container = await azurite.NewContainerAsync();
        (string input, string pipeline, string reference) = await ReferenceAsync(ct);
        string output = $"az://{container}/runs/quickstart";

        (int exit, string stderr, string stdout) = await RunAsync(["run", pipeline, "--input", input, "--output", output, "--workers", "2"], ct);

        Assert.True(exit == 0, $"curate exited {exit}: {stderr}");
        Assert.Contains("blob storage:", stdout, StringComparison.Ordinal);
        string downloaded = await DownloadAsync(container, "runs/quickstart", ct);
        await RunOutputs.AssertSameAsync(reference, downloaded, ct);
        Assert.Equal(MixReportFiles(reference), MixReportFiles(downloaded));
        StatsReport stats = await StatsReport.ReadAsync(LocalStorage.Instance, Path.Combine(downloaded, OutputLayout.MergedStats), ct);
        Assert.True(stats.BlobStorage is { Requests: > 0, BytesWritten: > 0 }, "stats.json counts the tag tasks' blob traffic");
        Assert.Null((await StatsReport.ReadAsync(LocalStorage.Instance, Path.Combine(reference, OutputLayout.MergedStats), ct)).BlobStorage);

        // The commands that read a finished run read it on blob storage as on disk.
        foreach (string[] command in (string[][])[["stats"], ["inspect", "--reason", "dedup.exact", "--limit", "3"], ["status"]])
        {
            (int localExit, _, string local) = await RunAsync([command[0], reference, .. command[1..]], ct);
            (int blobExit, string blobError, string blob) = await RunAsync([command[0], output, .. command[1..]], ct);
            Assert.True(blobExit == 0 && localExit == 0, $"curate {command[0]} exited {blobExit} on blob storage: {blobError}");
            Assert.Equal(local.Replace(reference, output, StringComparison.Ordinal), blob);
        }

        (int reportExit, string reportError, _) = await RunAsync(["report", output], ct);
        Assert.True(reportExit == 0, $"curate report exited {reportExit}: {reportError}");
        BlobProperties report = await azurite.Service.GetBlobContainerClient(container).GetBlobClient("runs/quickstart/report.html").GetPropertiesAsync(cancellationToken: ct);
        Assert.True(report.ContentLength > 10_000);
    }

    [Fact]
    public async Task Run_QuickstartWithInputsModelsMixAndOutputOnBlobStorage_SameBytesAsLocalRun()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        string container = await azurite.NewContainerAsync();
        (string input, string pipeline, string reference) = await ReferenceAsync(ct);
        BlobContainerClient blobs = azurite.Service.GetBlobContainerClient(container);
        foreach (string file in Directory.GetFiles(input))
        {
            await blobs.UploadBlobAsync("crawl/" + Path.GetFileName(file), BinaryData.FromBytes(await File.ReadAllBytesAsync(file, ct)), ct);
        }

        string classifiers = Path.Combine(TestData.RepoRoot, "classifiers");
        foreach (string model in Directory.GetFiles(classifiers, "*.ngram"))
        {
            await blobs.UploadBlobAsync("models/" + Path.GetFileName(model), BinaryData.FromBytes(await File.ReadAllBytesAsync(model, ct)), ct);
        }

        string mix = Path.Combine(TestData.RepoRoot, "pipelines", "quickstart-mix.yaml");
        await blobs.UploadBlobAsync("config/quickstart-mix.yaml", BinaryData.FromBytes(await File.ReadAllBytesAsync(mix, ct)), ct);
        string remotePipeline = pipeline + ".az.yaml";
        string text = (await File.ReadAllTextAsync(pipeline, ct))
            .Replace(classifiers + "/", $"az://{container}/models/", StringComparison.Ordinal)
            .Replace(mix, $"az://{container}/config/quickstart-mix.yaml", StringComparison.Ordinal);
        Assert.Contains($"az://{container}/models/quality.ngram", text, StringComparison.Ordinal);
        await File.WriteAllTextAsync(remotePipeline, text, ct);

        (int exit, string stderr, _) = await RunAsync(["run", remotePipeline, "--input", $"az://{container}/crawl/*", "--output", $"abfs://{container}/out", "--workers", "2"], ct);

        Assert.True(exit == 0, $"curate exited {exit}: {stderr}");
        await RunOutputs.AssertSameAsync(reference, await DownloadAsync(container, "out", ct), ct);
    }

    [Fact]
    public async Task Run_KilledAtCommitsAndResumedOnBlobStorage_SameBytesAsLocalRun()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        string container = await azurite.NewContainerAsync();
        (string input, string pipeline, string reference) = await ReferenceAsync(ct);
        string output = $"az://{container}/runs/killed";
        string scratch = TestData.NewTempDirectory();
        string[] run = ["run", pipeline, "--input", input, "--output", output, "--world-size", "2", "--workers", "2", "--scratch", scratch];

        // Blob commits (shards, markers, drop list, mix shards) and local scratch commits (dedup runs, shuffle buckets), in run order.
        foreach (string point in (string[])["before:*/tokenized/tag-00000-*", "after:*/completions/tag-00000", "before:*/dedup/work/*",
            "after:*/dedup/drop-list.bin", "before:*/.shuffle/*", "before:*/mix/train/*"])
        {
            (int killed, string stderr, _) = await RunAsync(run, ct, killAt: point);
            Assert.True(killed == 137, $"the run with kill point {point} exited {killed}, not by SIGKILL: {stderr}");
        }

        (int exit, string finalError, _) = await RunAsync(run, ct);

        Assert.True(exit == 0, $"curate exited {exit}: {finalError}");
        await RunOutputs.AssertSameAsync(reference, await DownloadAsync(container, "runs/killed", ct), ct);
        Assert.Empty(Directory.GetFiles(scratch, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Run_AzuriteStoppedMidRun_FailsWithExit2NamingTheStageThenResumesWhenBack()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        string container = await azurite.NewContainerAsync();
        (string input, string pipeline, string reference) = await ReferenceAsync(ct);
        string output = $"az://{container}/runs/outage";
        string[] run = ["run", pipeline, "--input", input, "--output", output, "--world-size", "4", "--workers", "2"];
        using (Process process = Start(run, killAt: null))
        try
        {
            // The log says when the first task is done (its marker committed); the emulator goes at once, three tag tasks before the end.
            var lines = new System.Collections.Concurrent.ConcurrentQueue<string>();
            var firstTaskDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data is { } line)
                {
                    lines.Enqueue(line);
                    if (line.Contains("Task tag/0/4 done", StringComparison.Ordinal))
                    {
                        firstTaskDone.TrySetResult();
                    }
                }
            };
            process.OutputDataReceived += static (_, _) => { };
            process.BeginErrorReadLine();
            process.BeginOutputReadLine();
            await Task.WhenAny(firstTaskDone.Task, process.WaitForExitAsync(ct));
            Assert.True(firstTaskDone.Task.IsCompleted, "the run ended before its first task completed: " + string.Join('\n', lines));
            await azurite.StopAsync();
            await process.WaitForExitAsync(ct);
            string error = string.Join('\n', lines);
            string[] failures = lines.Where(l => l.StartsWith("curate: ", StringComparison.Ordinal)).ToArray();
            Assert.True(process.ExitCode == 2, $"curate exited {process.ExitCode}: {error}");
            Assert.Single(failures);
            // e.g. "curate: stage 'tag' failed: writing blob 'runs/outage/progress/tag-00000.json' in container '…' failed after 6 tries: Connection refused (…)"
            Assert.Matches($"^curate: stage 'tag' failed: [a-z ]+ blob '[^']+' in container '{container}' failed after 6 tries: ", failures[0]);
        }
        finally
        {
            await azurite.StartAsync();
        }

        (int exit, string finalError, _) = await RunAsync(run, ct);

        Assert.True(exit == 0, $"curate exited {exit} after Azurite came back: {finalError}");
        await RunOutputs.AssertSameAsync(reference, await DownloadAsync(container, "runs/outage", ct), ct);
    }

    [Fact]
    public async Task Run_WrongKeyOrMissingInputOrOutputContainer_OneClearLineEach()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        string container = await azurite.NewContainerAsync();
        (string input, string pipeline, _) = await ReferenceAsync(ct);
        string wrongKey = Convert.ToBase64String(new byte[64]);

        (int deniedExit, string denied, _) = await RunAsync(["run", pipeline, "--input", input, "--output", $"az://{container}/out"], ct,
            connectionString: azurite.ConnectionStringWithKey(wrongKey));
        (int missingExit, string missing, _) = await RunAsync(["run", pipeline, "--input", $"az://nosuch{container}/crawl/*.warc.gz", "--output", $"az://{container}/out"], ct);

        (int noOutputExit, string noOutput, _) = await RunAsync(["run", pipeline, "--input", input, "--output", $"az://nosuch{container}/out"], ct);

        Assert.Equal(2, noOutputExit);
        Assert.Equal($"curate: stage 'output' failed: container 'nosuch{container}' does not exist (locking blob 'out/.curate.lock' in container 'nosuch{container}': 404 ContainerNotFound; az://nosuch{container}/out/.curate.lock)",
            SingleLine(noOutput));
        Assert.Equal(2, deniedExit); // the output lock is the first blob access
        Assert.Equal(1, missingExit); // the inputs are resolved with the configuration
        Assert.Equal($"curate: stage 'output' failed: access denied to blob 'out/.curate.lock' in container '{container}' (locking: 403 AuthorizationFailure); check the credentials "
            + "(AZURE_STORAGE_CONNECTION_STRING, AZURE_STORAGE_ACCOUNT_NAME with AZURE_STORAGE_KEY or AZURE_STORAGE_SAS_TOKEN, or an Azure identity)", SingleLine(denied));
        Assert.Equal($"curate: container 'nosuch{container}' does not exist (listing blob 'crawl/*.warc.gz' in container 'nosuch{container}': 404 ContainerNotFound; az://nosuch{container}/crawl/*.warc.gz)",
            SingleLine(missing));
        Assert.DoesNotContain(wrongKey, denied, StringComparison.Ordinal);
    }

    private static string SingleLine(string stderr)
    {
        string[] lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 1, "expected one line, got: " + stderr);
        return lines[0];
    }

    /// <summary>The local run every blob run is compared with: the fault tests' four inputs, at world size 1, made once per test run.</summary>
    private static async Task<(string Input, string Pipeline, string Output)> ReferenceAsync(CancellationToken ct)
    {
        await s_referenceGate.WaitAsync(ct);
        try
        {
            if (s_reference is null)
            {
                string input = RunOutputs.WriteInput();
                string pipeline = RunOutputs.WritePipeline(input);
                string output = TestData.NewTempDirectory();
                using var process = Start(["run", pipeline, "--input", input, "--output", output, "--workers", "2"], killAt: null, connectionString: null);
                string stderr = await process.StandardError.ReadToEndAsync(ct);
                await process.WaitForExitAsync(ct);
                Assert.True(process.ExitCode == 0, $"the local reference run exited {process.ExitCode}: {stderr}");
                s_reference = (input, pipeline, output);
            }

            return s_reference.Value;
        }
        finally
        {
            s_referenceGate.Release();
        }
    }

    private async Task<(int Exit, string Stderr, string Stdout)> RunAsync(string[] arguments, CancellationToken ct, string? killAt = null, string? connectionString = null)
    {
        using Process process = Start(arguments, killAt, connectionString ?? azurite.ConnectionString);
        Task<string> stdout = process.StandardOutput.ReadToEndAsync(ct);
        Task<string> stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        return (process.ExitCode, await stderr, await stdout);
    }

    private Process Start(string[] arguments, string? killAt) => Start(arguments, killAt, azurite.ConnectionString);

    private static Process Start(string[] arguments, string? killAt, string? connectionString)
    {
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "curate"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string variable in (string[])["AZURE_STORAGE_ACCOUNT_NAME", "AZURE_STORAGE_KEY", "AZURE_STORAGE_SAS_TOKEN", "AZURE_STORAGE_CONNECTION_STRING"])
        {
            start.Environment.Remove(variable);
        }

        if (connectionString is not null)
        {
            start.Environment["AZURE_STORAGE_CONNECTION_STRING"] = connectionString;
        }

        if (killAt is not null)
        {
            start.Environment["CURATE_FAULT_KILL"] = killAt;
        }

        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start)!;
    }

    /// <summary>Downloads every blob under <paramref name="prefix"/> into a new local folder, keeping the names below the prefix.</summary>
    private async Task<string> DownloadAsync(string container, string prefix, CancellationToken ct)
    {
        string local = TestData.NewTempDirectory();
        BlobContainerClient blobs = azurite.Service.GetBlobContainerClient(container);
        await foreach (BlobItem item in blobs.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix + "/", ct))
        {
            string path = Path.Combine(local, item.Name[(prefix.Length + 1)..]);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await blobs.GetBlobClient(item.Name).DownloadToAsync(path, ct);
        }

        return local;
    }

    /// <summary>The files a mix report lists, relative to the mix directory (on blob storage too).</summary>
    private static string[] MixReportFiles(string output)
    {
        using var report = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(output, OutputLayout.Mix, "mix-report.json")));
        string[] files = [.. report.RootElement.GetProperty("files").EnumerateArray().Select(f => f.GetString()!)];
        Assert.NotEmpty(files);
        return files;
    }
}
