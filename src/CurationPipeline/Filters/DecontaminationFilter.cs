using CurationPipeline.Filters.Internal;

namespace CurationPipeline.Filters;

/// <summary>
/// Benchmark decontamination (datatrove's <c>NGramsDecontFilter</c>, allenai/decon): drops, or flags, a document that contains
/// any word n-gram of an evaluation set.
/// </summary>
/// <remarks>
/// <para>The evaluation sets are read once, when the filter is built, into an index of 64-bit n-gram hashes (memory grows with
/// the evaluation sets, never with the corpus); documents are then checked one at a time, streaming. Texts on both sides are
/// normalized as datatrove's <c>simplify_text</c> does (<see cref="Dedup.TextNormalizer"/>: lower case, numbers to <c>0</c>,
/// punctuation to spaces, accents removed) and split on spaces, so <c>Janet’s ducks lay 16 eggs</c> matches
/// <c>janet s ducks lay 0 eggs</c>. An evaluation row's fields are joined before indexing, so n-grams spanning question and
/// answer count (datatrove's overlap n-grams); unlike datatrove's default, n-grams of the question alone count too, because
/// for GSM8K and MATH the question is what leaks. Rows and documents shorter than n words have no n-gram.</para>
/// <para>Thread-safe. YAML: <c>- decontam: { benchmarks: { gsm8k: gsm8k-test.jsonl.gz }, text_fields: [question, answer] }</c>.</para>
/// </remarks>
public sealed class DecontaminationFilter : ITextFilter
{
    private readonly BenchmarkIndex _index;
    private readonly DecontaminationAction _action;

    /// <summary>Creates the filter and indexes the evaluation sets.</summary>
    /// <param name="options">The sets and the n-gram length; validated.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    /// <exception cref="FileNotFoundException">An evaluation set does not exist.</exception>
    /// <exception cref="InvalidDataException">An evaluation set cannot be read or gives no n-gram.</exception>
    public DecontaminationFilter(DecontaminationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _index = BenchmarkIndex.Build(options);
        _action = options.Action;
    }

    /// <inheritdoc/>
    public string Name => "decontam";

    /// <summary>How many distinct n-grams the evaluation sets gave.</summary>
    public int IndexedNGrams => _index.Count;

    /// <inheritdoc/>
    public FilterOutcome Evaluate(string text, string? url)
    {
        ArgumentNullException.ThrowIfNull(text);
        (int matches, string? benchmark, string? first) = _index.Find(text);
        var signals = new DecontaminationSignals(matches, benchmark);
        FilterVerdict verdict = matches > 0 && _action == DecontaminationAction.Drop
            ? FilterVerdict.Drop(FilterReasons.DecontamNgram, $"{benchmark}: \"{first}\" ({matches} matching {_index.NGramWords}-grams)")
            : FilterVerdict.Kept;
        return new FilterOutcome(verdict, signals, null);
    }
}

/// <content>The reason codes of <see cref="DecontaminationFilter"/>.</content>
public static partial class FilterReasons
{
    /// <summary>The document contains an n-gram of an evaluation set (the rejects' detail names the benchmark and the n-gram).</summary>
    public const string DecontamNgram = "decontam.ngram";
}
