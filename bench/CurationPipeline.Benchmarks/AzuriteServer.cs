using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CurationPipeline.Benchmarks;

/// <summary>
/// The pinned Azurite blob emulator of <c>tests/azurite</c> (npm ci there first), started on 127.0.0.1 and a free port with its
/// data in a temporary folder and telemetry off, and stopped by process id on dispose.
/// </summary>
internal sealed class AzuriteServer : IDisposable
{
    private readonly Process _process;
    private readonly string _location;

    private AzuriteServer(Process process, string location, int port)
    {
        _process = process;
        _location = location;
        ConnectionString = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;"
            + "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" // Azurite's public development key
            + $"BlobEndpoint=http://127.0.0.1:{port}/devstoreaccount1;";
    }

    /// <summary>The emulator's connection string.</summary>
    public string ConnectionString { get; }

    /// <summary>Starts the emulator and waits until it accepts connections.</summary>
    /// <exception cref="FileNotFoundException">Azurite is not installed under tests/azurite.</exception>
    public static async Task<AzuriteServer> StartAsync()
    {
        string folder = Path.Combine(BenchmarkPaths.RepoRoot(), "tests", "azurite");
        if (!File.Exists(Path.Combine(folder, "node_modules", "azurite", "package.json")))
        {
            throw new FileNotFoundException("Azurite is not installed: run `npm ci --prefix tests/azurite` (scripts/test.sh does).");
        }

        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        string location = Path.Combine(Path.GetTempPath(), "curate-bench-azurite-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(location);
        var start = new ProcessStartInfo("node") { WorkingDirectory = folder, UseShellExecute = false, RedirectStandardOutput = true };
        foreach (string argument in (string[])["azurite-blob.mjs", "--blobHost", "127.0.0.1", "--blobPort", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--location", location, "--silent", "--skipApiVersionCheck", "--disableTelemetry"])
        {
            start.ArgumentList.Add(argument);
        }

        var server = new AzuriteServer(Process.Start(start)!, location, port);
        for (int attempt = 0; ; attempt++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return server;
            }
            catch (SocketException) when (attempt < 300)
            {
                await Task.Delay(100);
            }
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.WaitForExit();
        _process.Dispose();
        Directory.Delete(_location, recursive: true);
    }
}
