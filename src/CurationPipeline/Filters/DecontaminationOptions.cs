namespace CurationPipeline.Filters;

/// <summary>Options of <see cref="DecontaminationFilter"/>: the evaluation sets to protect and the n-gram length.</summary>
/// <remarks>
/// <list type="table">
/// <listheader><term>Property</term><description>Default</description></listheader>
/// <item><term><see cref="Benchmarks"/></term><description>none (at least one is required)</description></item>
/// <item><term><see cref="TextFields"/></term><description><c>[text]</c></description></item>
/// <item><term><see cref="NGramWords"/></term><description>13 (allenai/decon, GPT-3's 13-gram overlap; datatrove's default is 12)</description></item>
/// <item><term><see cref="Action"/></term><description><see cref="DecontaminationAction.Drop"/></description></item>
/// </list>
/// YAML: <c>- decontam: { benchmarks: { gsm8k: decontam/gsm8k-test.jsonl.gz }, text_fields: [question, answer] }</c>.
/// </remarks>
public sealed record DecontaminationOptions
{
    /// <summary>The largest <see cref="NGramWords"/>.</summary>
    public const int MaxNGramWords = 64;

    /// <summary>
    /// Evaluation sets by benchmark name (the name goes into the rejects and the <c>decontam.benchmark</c> column): JSON Lines
    /// files (<c>.jsonl</c>, <c>.json</c>, optionally gzip-compressed as <c>.gz</c>) whose rows are objects, or Parquet files with
    /// a string <c>text</c> column. Paths are relative to the pipeline file.
    /// </summary>
    public IReadOnlyDictionary<string, string> Benchmarks { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// The JSON Lines fields whose text is indexed, joined in this order where a row has them (GSM8K: <c>question</c>,
    /// <c>answer</c>; MATH: <c>problem</c>, <c>solution</c>), so n-grams that span the question and its answer count too.
    /// </summary>
    public IReadOnlyList<string> TextFields { get; init; } = ["text"];

    /// <summary>How many consecutive normalized words make one n-gram.</summary>
    public int NGramWords { get; init; } = 13;

    /// <summary>Drop a contaminated document, or only flag it in its columns.</summary>
    public DecontaminationAction Action { get; init; } = DecontaminationAction.Drop;

    /// <summary>Checks the values (not the files: the filter reads them and reports a missing or empty one).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range; the parameter name is the property.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(NGramWords, 1, nameof(NGramWords));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(NGramWords, MaxNGramWords, nameof(NGramWords));
        if (Benchmarks.Count == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Benchmarks), "Name at least one evaluation set (benchmarks: { name: path }).");
        }

        if (Benchmarks.Count > ushort.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(Benchmarks), Benchmarks.Count, $"At most {ushort.MaxValue} evaluation sets.");
        }

        foreach ((string name, string path) in Benchmarks)
        {
            if (string.IsNullOrWhiteSpace(name) || string.IsNullOrWhiteSpace(path))
            {
                throw new ArgumentOutOfRangeException(nameof(Benchmarks), name, "Every evaluation set needs a name and a path.");
            }
        }

        if (TextFields.Count == 0 || TextFields.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentOutOfRangeException(nameof(TextFields), "Name at least one text field, and no empty one.");
        }

        if (!Enum.IsDefined(Action))
        {
            throw new ArgumentOutOfRangeException(nameof(Action), Action, "Drop or Flag.");
        }
    }
}
