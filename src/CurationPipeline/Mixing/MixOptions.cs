namespace CurationPipeline.Mixing;

/// <summary>One data mix: filters, domain rules, target shares, budget, sampling, validation set and outputs (a mix YAML file).</summary>
/// <remarks>
/// <list type="table">
/// <listheader><term>Property</term><description>Default</description></listheader>
/// <item><term><see cref="Name"/></term><description><c>mix</c></description></item>
/// <item><term><see cref="Seed"/></term><description>0</description></item>
/// <item><term><see cref="TotalTokens"/></term><description>0: the largest budget every domain can fill within its epoch limit</description></item>
/// <item><term><see cref="DropList"/></term><description><c>dedup/drop-list.bin</c> under the tagged directory; required when the run signed documents for dedup</description></item>
/// <item><term><see cref="Filters"/></term><description>none</description></item>
/// <item><term><see cref="Domains"/></term><description>none (everything is <see cref="DefaultDomain"/>)</description></item>
/// <item><term><see cref="DefaultDomain"/></term><description><c>general</c></description></item>
/// <item><term><see cref="Targets"/></term><description><c>general: 1.0</c></description></item>
/// <item><term><see cref="MaxEpochs"/></term><description>4</description></item>
/// <item><term><see cref="MaxEpochsPerDomain"/></term><description>none (every domain uses <see cref="MaxEpochs"/>)</description></item>
/// <item><term><see cref="ValidationTokensPerDomain"/></term><description>1,000,000</description></item>
/// <item><term><see cref="ShuffleBucketTokens"/></term><description>16,000,000 (about 64 MB of ids in memory at once)</description></item>
/// <item><term><see cref="TokensPerShard"/></term><description>50,000,000</description></item>
/// <item><term><see cref="LlmcBin"/></term><description><c>false</c></description></item>
/// <item><term><see cref="LlmcTokensPerShard"/></term><description>100,000,000</description></item>
/// <item><term><see cref="MegatronBin"/></term><description><c>false</c></description></item>
/// <item><term><see cref="Rehydration"/></term><description>none (every document weighs 1)</description></item>
/// </list>
/// Target shares must sum to 1 (±0.001).
/// </remarks>
public sealed record MixOptions
{
    /// <summary>The largest allowed epoch limit.</summary>
    public const int MaxEpochsLimit = 254;

    /// <summary>A label for the report.</summary>
    public string Name { get; init; } = "mix";

    /// <summary>The sampling and shuffle seed; the validation set does not depend on it.</summary>
    public ulong Seed { get; init; }

    /// <summary>The training token budget; 0 takes the largest budget every targeted domain can fill within its epoch limit.</summary>
    public long TotalTokens { get; init; }

    /// <summary>The default <see cref="DropList"/>: the one <c>curate run</c> writes.</summary>
    public const string DefaultDropList = "dedup/drop-list.bin";

    /// <summary>
    /// The dedup drop list, relative to the tagged directory (or absolute). A missing file is an error, except the default one of
    /// a run without dedup. Empty opts out of every dedup decision: the drop list, paragraph removals and rehydration.
    /// </summary>
    public string DropList { get; init; } = DefaultDropList;

    /// <summary>Conditions every document must meet (all of them) to enter the mix.</summary>
    public IReadOnlyList<MixCondition> Filters { get; init; } = [];

    /// <summary>Ordered domain rules; the first that holds names the document's domain.</summary>
    public IReadOnlyList<DomainRule> Domains { get; init; } = [];

    /// <summary>The domain of documents no rule matches.</summary>
    public string DefaultDomain { get; init; } = "general";

    /// <summary>Target token share per domain (0..1, summing to 1).</summary>
    public IReadOnlyDictionary<string, double> Targets { get; init; } = new Dictionary<string, double>(StringComparer.Ordinal) { ["general"] = 1.0 };

    /// <summary>How many times at most a training document is repeated (up-sampling limit).</summary>
    public int MaxEpochs { get; init; } = 4;

    /// <summary>Per-domain overrides of <see cref="MaxEpochs"/>.</summary>
    public IReadOnlyDictionary<string, int> MaxEpochsPerDomain { get; init; } = new Dictionary<string, int>(StringComparer.Ordinal);

    /// <summary>Tokens held out per domain for validation, chosen by a hash of the document id before sampling.</summary>
    public long ValidationTokensPerDomain { get; init; } = 1_000_000;

    /// <summary>Tokens per shuffle bucket: the memory bound of the second shuffle stage.</summary>
    /// <remarks>Stage 1 opens at most 4,096 bucket files, so above 4,096 × this many training tokens the buckets grow beyond it.</remarks>
    public long ShuffleBucketTokens { get; init; } = 16_000_000;

    /// <summary>The most tokens one output Parquet shard holds.</summary>
    public long TokensPerShard { get; init; } = 50_000_000;

    /// <summary>Whether to also write llm.c <c>.bin</c> shards under <c>bin/</c>.</summary>
    public bool LlmcBin { get; init; }

    /// <summary>The most tokens one llm.c shard holds (the format caps a file below 2^31 tokens).</summary>
    public long LlmcTokensPerShard { get; init; } = 100_000_000;

    /// <summary>
    /// Whether to also write Megatron-LM indexed datasets under <c>megatron/</c>: <c>mix_train.bin/.idx</c> and
    /// <c>mix_val.bin/.idx</c>, one sequence per document (end-of-document id last), uint16 tokens when the vocabulary fits in
    /// 2^16, otherwise int32; the documents in the order of the Parquet shards.
    /// </summary>
    public bool MegatronBin { get; init; }

    /// <summary>
    /// Rehydration (FineWeb-2): training copies per epoch by cluster size (URL, exact and MinHash duplicates + 1), as <c>smallest cluster size → copies</c>. A
    /// document's weight is the copies of the largest key not above its cluster size (from <c>dedup/cluster-sizes.parquet</c>;
    /// 1 for a singleton), or 1 below every key. A domain's epoch is then every document weight times, and
    /// <see cref="MaxEpochs"/> limits such epochs; the partial epoch adds a document's whole weight at a time.
    /// </summary>
    /// <remarks>Copies × <see cref="MaxEpochs"/> must stay within <see cref="MaxEpochsLimit"/>.</remarks>
    public IReadOnlyDictionary<int, int> Rehydration { get; init; } = new Dictionary<int, int>();

    /// <summary>The weight of a document whose MinHash cluster has <paramref name="clusterSize"/> members (<see cref="Rehydration"/>).</summary>
    /// <param name="clusterSize">1 for a singleton.</param>
    /// <returns>Training copies per epoch, 1 or more.</returns>
    public int WeightOf(int clusterSize)
    {
        int weight = 1, best = int.MinValue;
        foreach ((int minSize, int copies) in Rehydration)
        {
            if (minSize <= clusterSize && minSize > best)
            {
                (best, weight) = (minSize, copies);
            }
        }

        return weight;
    }

    /// <summary>The epoch limit of <paramref name="domain"/>.</summary>
    /// <param name="domain">A domain name.</param>
    public int MaxEpochsOf(string domain) => MaxEpochsPerDomain.TryGetValue(domain, out int epochs) ? epochs : MaxEpochs;

    /// <summary>Checks the options.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range; the parameter name is the property.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(TotalTokens);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxEpochs);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxEpochs, MaxEpochsLimit);
        ArgumentOutOfRangeException.ThrowIfNegative(ValidationTokensPerDomain);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ShuffleBucketTokens);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(TokensPerShard);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(LlmcTokensPerShard);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(LlmcTokensPerShard, int.MaxValue);
        if (string.IsNullOrWhiteSpace(DefaultDomain))
        {
            throw new ArgumentOutOfRangeException(nameof(DefaultDomain), DefaultDomain, "The default domain needs a name.");
        }

        foreach (MixCondition filter in Filters)
        {
            filter.Validate();
        }

        var domains = new HashSet<string>(StringComparer.Ordinal) { DefaultDomain };
        foreach (DomainRule rule in Domains)
        {
            if (string.IsNullOrWhiteSpace(rule.Domain))
            {
                throw new ArgumentOutOfRangeException(nameof(Domains), "A domain rule needs a domain name.");
            }

            rule.When.Validate();
            domains.Add(rule.Domain);
        }

        if (domains.Count > 127)
        {
            throw new ArgumentOutOfRangeException(nameof(Domains), domains.Count, "At most 127 domains.");
        }

        double sum = 0;
        foreach ((string domain, double share) in Targets)
        {
            if (!domains.Contains(domain))
            {
                throw new ArgumentOutOfRangeException(nameof(Targets), domain, $"Target domain '{domain}' is assigned by no rule and is not the default domain.");
            }

            if (share is < 0 or > 1 || double.IsNaN(share))
            {
                throw new ArgumentOutOfRangeException(nameof(Targets), share, $"The share of '{domain}' must be within 0..1.");
            }

            sum += share;
        }

        if (Math.Abs(sum - 1) > 0.001)
        {
            throw new ArgumentOutOfRangeException(nameof(Targets), sum, "Target shares must sum to 1.");
        }

        if (Rehydration.Count > 0 && DropList.Length == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Rehydration), "Rehydration weighs documents by cluster size: it needs the drop list (drop_list: \"\" mixes without dedup).");
        }

        int epochLimit = Math.Max(MaxEpochs, MaxEpochsPerDomain.Values.DefaultIfEmpty(0).Max());
        foreach ((int minSize, int copies) in Rehydration)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(minSize, nameof(Rehydration));
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(copies, nameof(Rehydration));
            if ((long)copies * epochLimit > MaxEpochsLimit)
            {
                throw new ArgumentOutOfRangeException(nameof(Rehydration), copies, $"{copies} copies × {epochLimit} epochs exceeds {MaxEpochsLimit} copies of one document.");
            }
        }

        foreach ((string domain, int epochs) in MaxEpochsPerDomain)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(epochs, nameof(MaxEpochsPerDomain));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(epochs, MaxEpochsLimit, nameof(MaxEpochsPerDomain));
            if (!domains.Contains(domain))
            {
                throw new ArgumentOutOfRangeException(nameof(MaxEpochsPerDomain), domain, $"Domain '{domain}' is assigned by no rule.");
            }
        }
    }
}
