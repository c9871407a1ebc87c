using System.Diagnostics;
using CurationPipeline.Mixing.Internal;
using CurationPipeline.Storage;
using Microsoft.Extensions.Logging;

namespace CurationPipeline.Mixing;

/// <summary>
/// The mix pass: reads the tag pass's annotated and tokenized shards (never text or WARC), applies the filters and the dedup drop
/// list, assigns domains, holds out a fixed validation set, samples to the target token shares, and writes shuffled training shards.
/// </summary>
/// <remarks>
/// Output under the output directory: <c>train/train-{shard:D5}.parquet</c> and <c>validation/validation-{shard:D5}.parquet</c>
/// (the tokenized shard contract, <c>domain</c> filled), optionally <c>bin/mix_val_000000.bin</c> and <c>bin/mix_train_{n:D6}.bin</c>
/// (llm.c), and <see cref="MixReport.FileName"/> last. A rerun replaces the previous mix in that directory.
/// Memory: about 60 bytes per tagged document for the catalog, plus one shuffle bucket (<see cref="MixOptions.ShuffleBucketTokens"/>)
/// and the validation set. Token ids are copied from the tokenized shards, never re-tokenized.
/// </remarks>
public sealed class Mixer
{
    private const string TemporaryPattern = ".tmp-*";

    private readonly IStorage _storage;
    private readonly ILogger<Mixer> _logger;

    /// <summary>Creates the pass.</summary>
    /// <param name="storage">Where the tagged data and the output are.</param>
    /// <param name="logger">Receives the plan, short-domain warnings and the summary.</param>
    /// <exception cref="ArgumentNullException">An argument is <c>null</c>.</exception>
    public Mixer(IStorage storage, ILogger<Mixer> logger)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(logger);
        _storage = storage;
        _logger = logger;
    }

    /// <summary>Mixes the tagged data in <paramref name="taggedDirectory"/> into <paramref name="outputDirectory"/>.</summary>
    /// <param name="taggedDirectory">The output directory of <c>curate run</c> (with <c>annotated/</c> and <c>tokenized/</c>).</param>
    /// <param name="outputDirectory">Where the mix goes.</param>
    /// <param name="options">The mix; validated here.</param>
    /// <param name="cancellationToken">Stops the pass; the report is then not written.</param>
    /// <returns>The report, also written to <see cref="MixReport.FileName"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The options are invalid.</exception>
    /// <exception cref="MixConfigException">A column the options name is in no annotated shard, or is missing from one shard without a default, or has the wrong type;
    /// or there are no shards; or the mix would write 0 training tokens although documents pass its filters (the message names the setting to change).</exception>
    /// <exception cref="InvalidDataException">A shard or the drop list is damaged, or the shards were tokenized differently.</exception>
    /// <exception cref="OperationCanceledException">The pass was cancelled.</exception>
    public async Task<MixReport> RunAsync(string taggedDirectory, string outputDirectory, MixOptions options, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(taggedDirectory);
        ArgumentException.ThrowIfNullOrEmpty(outputDirectory);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        long start = Stopwatch.GetTimestamp();
        RemoveScratch(_storage, outputDirectory);
        await MixColumnValidator.ValidateAsync(_storage, taggedDirectory, options, cancellationToken).ConfigureAwait(false);

        Catalog catalog = await new CatalogBuilder(_storage, options).BuildAsync(taggedDirectory, cancellationToken).ConfigureAwait(false);
        SamplePlan plan = SamplePlanner.Plan(catalog, options);
        CheckBudget(options, catalog, plan);
        RemovePreviousMix(outputDirectory);
        Log.Planned(_logger, options.Name, catalog.Entries.Count, catalog.TokenizedShards.Count, plan.BudgetTokens);
        var warnings = new List<string>();
        foreach (DomainPlan domain in plan.Domains)
        {
            if (domain.TargetShare > 0 && domain.Short)
            {
                Log.DomainShort(_logger, domain.Domain, domain.PlannedTokens, domain.TargetTokens, domain.AvailableTokens, domain.MaxEpochs);
                warnings.Add($"domain '{domain.Domain}' is short: {domain.PlannedTokens} of {domain.TargetTokens} target tokens "
                    + $"({domain.AvailableTokens} available, at most {domain.MaxEpochs} epochs)");
            }
        }

        MixTally tally = await new ShuffleWriter(_storage, options, catalog, plan).WriteAsync(outputDirectory, cancellationToken).ConfigureAwait(false);
        MixReport report = Report(options, catalog, plan, tally, warnings, outputDirectory, Stopwatch.GetElapsedTime(start).TotalSeconds);
        await report.WriteAsync(_storage, _storage.Combine(outputDirectory, MixReport.FileName), cancellationToken).ConfigureAwait(false);
        Log.Done(_logger, options.Name, report.Seconds, report.TrainTokens, report.ValidationTokens);
        return report;
    }

    /// <summary>A mix that would train on nothing although documents passed its filters is a configuration error naming the setting to change.</summary>
    private static void CheckBudget(MixOptions options, Catalog catalog, SamplePlan plan)
    {
        long planned = plan.Domains.Sum(d => d.PlannedTokens);
        if (planned > 0 || catalog.Entries.Count == 0)
        {
            return;
        }

        long validation = plan.Domains.Sum(d => d.ValidationTokens);
        long available = plan.Domains.Sum(d => d.AvailableTokens);
        if (available == 0)
        {
            long largest = plan.Domains.Max(d => d.ValidationTokens);
            throw new MixConfigException(
                $"Mix '{options.Name}' would write 0 training tokens: the validation set takes all {validation:N0} tokens that pass the filters "
                + $"(validation_tokens_per_domain: {options.ValidationTokensPerDomain:N0}; the largest domain has {largest:N0} tokens). "
                + "Lower validation_tokens_per_domain well below that, or tag more data.");
        }

        throw new MixConfigException(
            $"Mix '{options.Name}' would write 0 training tokens: total_tokens: {options.TotalTokens:N0} gives every targeted domain a target of 0 tokens "
            + $"({available:N0} training tokens are available). Raise total_tokens, or set it to 0 for the largest budget the data allows.");
    }

    /// <summary>
    /// Removes the scratch a killed mix leaves in <paramref name="mixDirectory"/>: temporary files (<c>.tmp-…</c>) of its shards
    /// and report, and the shuffle's spill folder. Finished files stay.
    /// </summary>
    /// <param name="storage">Where the directory is.</param>
    /// <param name="mixDirectory">A mix's output directory.</param>
    /// <returns>The number of files removed.</returns>
    public static int RemoveScratch(IStorage storage, string mixDirectory)
    {
        ArgumentNullException.ThrowIfNull(storage);
        int removed = Delete(storage, storage.List(storage.Combine(mixDirectory, TemporaryPattern)));
        foreach (string folder in ShuffleWriter.OutputFolders)
        {
            removed += Delete(storage, storage.List(storage.Combine(mixDirectory, folder, "**", TemporaryPattern)));
        }

        string spill = storage.ScratchDirectory(mixDirectory, ShuffleWriter.SpillFolder);
        removed += Delete(storage, storage.List(storage.Combine(spill, "**", "*")));
        storage.DeleteEmptyDirectory(spill);
        return removed;
    }

    private void RemovePreviousMix(string outputDirectory)
    {
        _storage.Delete(_storage.Combine(outputDirectory, MixReport.FileName));
        foreach (string folder in ShuffleWriter.OutputFolders)
        {
            Delete(_storage, _storage.List(_storage.Combine(outputDirectory, folder)));
        }
    }

    private static int Delete(IStorage storage, IReadOnlyList<string> files)
    {
        foreach (string file in files)
        {
            storage.Delete(file);
        }

        return files.Count;
    }

    /// <summary>A written file's path below the output directory, with <c>/</c> separators (a blob path is no file-system path).</summary>
    private static string RelativePath(string outputDirectory, string file) =>
        RoutingStorage.IsRemote(outputDirectory)
            ? file[(outputDirectory.TrimEnd('/').Length + 1)..]
            : Path.GetRelativePath(outputDirectory, file);

    private static MixReport Report(MixOptions options, Catalog catalog, SamplePlan plan, MixTally tally, List<string> warnings, string outputDirectory, double seconds)
    {
        long trainTokens = tally.TrainTokens.Sum();
        var domains = new List<DomainMixReport>();
        for (int d = 0; d < plan.Domains.Count; d++)
        {
            DomainPlan p = plan.Domains[d];
            if (p.TargetShare == 0 && p.AvailableTokens == 0 && p.ValidationTokens == 0)
            {
                continue;
            }

            domains.Add(new DomainMixReport
            {
                Domain = p.Domain,
                TargetShare = p.TargetShare,
                AchievedShare = trainTokens == 0 ? 0 : (double)tally.TrainTokens[d] / trainTokens,
                TargetTokens = p.TargetTokens,
                Tokens = tally.TrainTokens[d],
                Documents = tally.TrainDocuments[d],
                AvailableDocuments = p.AvailableDocuments,
                AvailableTokens = p.AvailableTokens,
                Epochs = p.AvailableTokens == 0 ? 0 : (double)tally.TrainTokens[d] / p.AvailableTokens,
                MaxCopies = p.MaxCopies,
                MaxEpochs = p.MaxEpochs,
                ValidationDocuments = tally.ValidationDocuments[d],
                ValidationTokens = tally.ValidationTokens[d],
                Short = p.TargetShare > 0 && p.Short,
            });
        }

        return new MixReport
        {
            Name = options.Name,
            Seed = options.Seed,
            BudgetTokens = plan.BudgetTokens,
            TrainTokens = trainTokens,
            ValidationTokens = tally.ValidationTokens.Sum(),
            AnnotatedDocuments = catalog.AnnotatedDocuments,
            TokenizedDocuments = catalog.TokenizedDocuments,
            DropListApplied = catalog.DropListApplied,
            Excluded = catalog.Excluded,
            FilterDrops = catalog.FilterDrops,
            Domains = domains,
            Warnings = warnings,
            Files = [.. tally.Files.Select(f => RelativePath(outputDirectory, f)).Order(StringComparer.Ordinal)],
            Rules = [.. options.Filters, .. options.Domains.Select(d => d.When)],
            Seconds = seconds,
        };
    }
}
