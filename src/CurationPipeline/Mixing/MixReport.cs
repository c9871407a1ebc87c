using System.Globalization;
using System.Text;
using System.Text.Json;
using CurationPipeline.Storage;

namespace CurationPipeline.Mixing;

/// <summary>The outcome of a mix: per-domain target vs achieved share, documents, tokens and epochs; written as <c>mix-report.json</c>.</summary>
public sealed record MixReport
{
    /// <summary>The report's file name in the output directory; written last, so its presence means the mix is complete.</summary>
    public const string FileName = "mix-report.json";

    private static readonly JsonSerializerOptions s_json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>The mix name.</summary>
    public required string Name { get; init; }

    /// <summary>The sampling seed.</summary>
    public required ulong Seed { get; init; }

    /// <summary>The training token budget used (configured, or the largest the data allows).</summary>
    public required long BudgetTokens { get; init; }

    /// <summary>Training tokens written.</summary>
    public required long TrainTokens { get; init; }

    /// <summary>Validation tokens written.</summary>
    public required long ValidationTokens { get; init; }

    /// <summary>Rows in the annotated shards.</summary>
    public required long AnnotatedDocuments { get; init; }

    /// <summary>Rows in the tokenized shards.</summary>
    public required long TokenizedDocuments { get; init; }

    /// <summary>Whether a dedup drop list was applied.</summary>
    public required bool DropListApplied { get; init; }

    /// <summary>Documents left out of the mix, by <see cref="MixReasons"/> code.</summary>
    public required IReadOnlyDictionary<string, long> Excluded { get; init; }

    /// <summary>Documents each filter dropped (the first filter a document fails).</summary>
    public required IReadOnlyDictionary<string, long> FilterDrops { get; init; }

    /// <summary>Per-domain figures, in target order.</summary>
    public required IReadOnlyList<DomainMixReport> Domains { get; init; }

    /// <summary>Warnings, e.g. a domain short of tokens.</summary>
    public required IReadOnlyList<string> Warnings { get; init; }

    /// <summary>Every file written (Parquet and llm.c shards), relative to the mix's output directory, so the report of a mix is the same wherever it was written (timings aside).</summary>
    public required IReadOnlyList<string> Files { get; init; }

    /// <summary>The mix's filters, then its domain rules' conditions: what a report marks on the signal histograms.</summary>
    public IReadOnlyList<MixCondition> Rules { get; init; } = [];

    /// <summary>Wall time of the mix.</summary>
    public required double Seconds { get; init; }

    /// <summary>Writes the report as JSON, atomically.</summary>
    /// <param name="storage">Where to write.</param>
    /// <param name="path">The file.</param>
    /// <param name="cancellationToken">Stops the write.</param>
    public async Task WriteAsync(IStorage storage, string path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(storage);
        await using AtomicWrite write = storage.CreateAtomic(path);
        await JsonSerializer.SerializeAsync(write.Stream, this, s_json, cancellationToken).ConfigureAwait(false);
        await write.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads a report written by <see cref="WriteAsync"/>.</summary>
    /// <param name="storage">Where to read.</param>
    /// <param name="path">The file.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <exception cref="InvalidDataException">The file is not a mix report.</exception>
    public static async Task<MixReport> ReadAsync(IStorage storage, string path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(storage);
        await using Stream stream = storage.OpenRead(path);
        try
        {
            return await JsonSerializer.DeserializeAsync<MixReport>(stream, s_json, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidDataException($"'{path}' is empty.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"'{path}' is not a mix report: {e.Message}", e);
        }
    }

    /// <summary>A Markdown table: per domain, target vs achieved share, documents, tokens, epochs and validation size.</summary>
    public string FormatTable()
    {
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.AppendLine("| domain | target | achieved | docs | tokens | available tokens | epochs | max copies | val docs | val tokens |");
        text.AppendLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (DomainMixReport d in Domains)
        {
            text.AppendLine(c, $"| {d.Domain}{(d.Short ? " (short)" : "")} | {d.TargetShare:P1} | {d.AchievedShare:P2} | {d.Documents:N0} | {d.Tokens:N0} | {d.AvailableTokens:N0} | {d.Epochs:F2} | {d.MaxCopies} | {d.ValidationDocuments:N0} | {d.ValidationTokens:N0} |");
        }

        text.AppendLine(c, $"| total | | | | {TrainTokens:N0} (budget {BudgetTokens:N0}) | | | | | {ValidationTokens:N0} |");
        return text.ToString();
    }
}
