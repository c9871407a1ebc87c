using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Azure.Storage.Blobs;
using CurationPipeline.Storage;
using CurationPipeline.Storage.Azure;

namespace CurationPipeline.Tests.Storage.Azure;

/// <summary>
/// A real Azure Blob emulator for the suite: Azurite's blob service from <c>tests/azurite</c> (npm, pinned; scripts/test.sh installs
/// it), started with node on 127.0.0.1 and a free port, telemetry off, data in a temporary folder; stopped by its process id
/// when the collection ends. <c>tests/azurite/azurite-blob.mjs</c> also ends it when the test process dies, so it never outlives the suite.
/// </summary>
/// <remarks>Without node or the npm install the tests skip with <see cref="MissingReason"/>; under <c>CURATE_REQUIRE_FIXTURES=1</c> (CI) they fail.</remarks>
public sealed class AzuriteFixture : IAsyncLifetime
{
    /// <summary>The skip reason scripts/test.sh counts.</summary>
    public const string MissingReason = "Azurite absent: node or tests/azurite/node_modules missing (scripts/test.sh runs npm ci in tests/azurite)";

    /// <summary>Azurite's fixed development account key (public, documented by Microsoft; not a secret).</summary>
    private const string DevelopmentKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly string _location = TestData.NewTempDirectory();
    private string? _node;
    private string? _script;
    private Process? _process;

    /// <summary>The port the emulator listens on (the same after a restart).</summary>
    public int Port { get; private set; }

    /// <summary>The connection string of the emulator's account.</summary>
    public string ConnectionString => ConnectionStringWithKey(DevelopmentKey);

    /// <summary>The connection string with another account key (a wrong one gives 403).</summary>
    public string ConnectionStringWithKey(string key) =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={key};BlobEndpoint=http://127.0.0.1:{Port}/devstoreaccount1;";

    /// <summary>A client of the emulator's account.</summary>
    public BlobServiceClient Service => new(ConnectionString);

    /// <inheritdoc/>
    public async ValueTask InitializeAsync()
    {
        string folder = Path.Combine(TestData.RepoRoot, "tests", "azurite");
        _script = Path.Combine(folder, "azurite-blob.mjs");
        _node = FindNode();
        if (_node is null || !File.Exists(Path.Combine(folder, "node_modules", "azurite", "package.json")))
        {
            _node = null;
            return;
        }

        Port = FreePort();
        await StartAsync();
    }

    /// <summary>Skips (or, under CI, fails) the calling test when the emulator could not be started.</summary>
    public void Require()
    {
        if (_node is null)
        {
            if (TestData.RequireFixtures)
            {
                throw new InvalidOperationException(MissingReason + ", but " + TestData.RequireFixturesVariable + " requires it.");
            }

            Assert.Skip(MissingReason);
        }
    }

    /// <summary>Starts the emulator (again, when stopped) on <see cref="Port"/> with the same data folder, and waits until it accepts connections.</summary>
    public async Task StartAsync()
    {
        if (_process is not null)
        {
            return;
        }

        var start = new ProcessStartInfo(_node!)
        {
            WorkingDirectory = Path.GetDirectoryName(_script)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in (string[])[_script!, "--blobHost", "127.0.0.1", "--blobPort", Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--location", _location, "--silent", "--skipApiVersionCheck", "--disableTelemetry"])
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start)!;
        _process.OutputDataReceived += static (_, _) => { };
        _process.ErrorDataReceived += static (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) when (deadline.Elapsed < TimeSpan.FromSeconds(30) && !_process.HasExited)
            {
                await Task.Delay(100);
            }
        }
    }

    /// <summary>Stops the emulator (SIGKILL by process id), as an outage would.</summary>
    public async Task StopAsync()
    {
        if (_process is { } process)
        {
            _process = null;
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync();
            process.Dispose();
        }
    }

    /// <summary>Creates a container with a fresh name and returns the name.</summary>
    public async Task<string> NewContainerAsync()
    {
        Require();
        string name = "t" + Guid.NewGuid().ToString("N");
        await Service.CreateBlobContainerAsync(name);
        return name;
    }

    /// <summary>A routing storage whose blob side is this emulator, with scratch under a temporary folder.</summary>
    public RoutingStorage Storage(AzureBlobStorageOptions? options = null) =>
        new(TestData.NewTempDirectory(), new AzureBlobStorage(Credentials(ConnectionString), options));

    /// <summary>Credentials that see only <paramref name="connectionString"/>, whatever the machine's environment holds.</summary>
    public static AzureCredentials Credentials(string connectionString) =>
        new(name => name == AzureCredentials.ConnectionStringVariable ? connectionString : null);

    /// <summary>Points a <c>curate</c> process at the emulator (and at nothing else of the machine's Azure settings).</summary>
    public void Configure(ProcessStartInfo start, string? connectionString = null)
    {
        foreach (string variable in (string[])[AzureCredentials.AccountNameVariable, AzureCredentials.KeyVariable, AzureCredentials.SasTokenVariable])
        {
            start.Environment.Remove(variable);
        }

        start.Environment[AzureCredentials.ConnectionStringVariable] = connectionString ?? ConnectionString;
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Directory.Delete(_location, recursive: true);
    }

    private static string? FindNode()
    {
        foreach (string directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            string candidate = Path.Combine(directory, "node");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>The tests that share one emulator; they run one after another (one stops and restarts it).</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Azurite";
}
