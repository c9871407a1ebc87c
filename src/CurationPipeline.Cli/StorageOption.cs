using System.CommandLine;
using System.Globalization;
using CurationPipeline.Storage;
using CurationPipeline.Storage.Azure;

namespace CurationPipeline.Cli;

/// <summary>The <c>--scratch</c> option of commands that read and write through storage, and the storage it configures.</summary>
internal static class StorageOption
{
    /// <summary><c>--scratch DIR</c>: the local folder for scratch data when the output is on blob storage.</summary>
    public static Option<string?> Scratch { get; } = new("--scratch")
    {
        Description = "Local folder for scratch data (dedup sort runs, mix shuffle buckets) when the output is az://…; default: the system temp folder.",
    };

    /// <summary>The storage of a command: local paths and <c>az://</c> / <c>abfs://</c> paths, scratch under <see cref="Scratch"/>.</summary>
    public static RoutingStorage Create(ParseResult parse) => new(parse.GetValue(Scratch));

    /// <summary>Prints the blob storage's counters when the command used it (retries show throttling or a flaky network).</summary>
    public static void PrintBlobStats(RoutingStorage storage)
    {
        if (storage.BlobStats is { Requests: > 0 } stats)
        {
            string renewals = (stats.LeaseRenewalFailures > 0 ? $", {stats.LeaseRenewalFailures} lease renewals failed" : "")
                + (stats.LeaseReleaseFailures > 0 ? $", {stats.LeaseReleaseFailures} lock releases failed (their leases expire by themselves)" : "");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"blob storage: {stats.Requests} requests, {stats.Retries} retries, {stats.BytesRead / 1e6:F1} MB read, {stats.BytesWritten / 1e6:F1} MB written{renewals}"));
        }
    }
}
