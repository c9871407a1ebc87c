using CurationPipeline.Classifiers;
using CurationPipeline.Extraction;
using CurationPipeline.Filters.Pii;
using CurationPipeline.Inputs;
using CurationPipeline.Tokenization;
using CurationPipeline.Warc;

namespace CurationPipeline.Pipelines.Configuration;

/// <summary>A pipeline file: what to read, where to write, and each stage's options.</summary>
/// <remarks>
/// Bound from YAML by <see cref="PipelineConfigLoader"/>: keys are the property names in snake_case
/// (<c>bounded_capacity</c>), sections the same (<c>execution:</c>). Every section is optional and defaults as its record does.
/// </remarks>
public sealed record PipelineOptions
{
    /// <summary>A name for logs and reports.</summary>
    public string Name { get; init; } = "pipeline";

    /// <summary>The output directory; <c>--output</c> overrides it. Relative paths resolve against the pipeline file's folder.</summary>
    public string? Output { get; init; }

    /// <summary>The <c>input:</c> section.</summary>
    public InputOptions Input { get; init; } = new();

    /// <summary>The <c>execution:</c> section.</summary>
    public ExecutionOptions Execution { get; init; } = new();

    /// <summary>The <c>read:</c> section: the WARC/ARC/WET reader.</summary>
    public WarcReaderOptions Read { get; init; } = new();

    /// <summary>The <c>json_lines:</c> section: the JSON Lines reader.</summary>
    public JsonLinesOptions JsonLines { get; init; } = new();

    /// <summary>The <c>extract:</c> section: main-content extraction.</summary>
    public ExtractionOptions Extract { get; init; } = new();

    /// <summary>
    /// The <c>classifiers:</c> list: model files (<c>.ngram</c>) scored on every document after extraction; each score
    /// becomes an annotated column named after the model (<c>quality</c>, <c>code</c>, …). Relative to the pipeline file.
    /// </summary>
    public IReadOnlyList<string> Classifiers { get; init; } = [];

    /// <summary>
    /// The <c>onnx_classifiers:</c> list: plug-in Hugging Face sequence classifiers exported to ONNX (the FineWeb-Edu classifier,
    /// a toxicity model, …), each scored on every document after extraction like <see cref="Classifiers"/>; the score column is
    /// the entry's <c>name</c>. Paths are relative to the pipeline file. They run the encoder per document: slow on a CPU.
    /// </summary>
    public IReadOnlyList<OnnxClassifierOptions> OnnxClassifiers { get; init; } = [];

    /// <summary>
    /// The <c>quality_buckets:</c> section: the scores of <see cref="Classifiers"/> and <see cref="OnnxClassifiers"/> combined into
    /// one 0 … n bucket column for the mix (off when absent).
    /// </summary>
    public QualityBucketOptions? QualityBuckets { get; init; }

    /// <summary>The <c>filters:</c> list: the heuristic filter cascade after extraction, in decision order.</summary>
    public IReadOnlyList<FilterSpec> Filters { get; init; } = [];

    /// <summary>The <c>pii:</c> section: redaction of e-mail and IP addresses (and optionally phone numbers); off when absent.</summary>
    public PiiRedactorOptions? Pii { get; init; }

    /// <summary>The <c>tokenize:</c> section: the tokenizer.</summary>
    public TokenizerOptions Tokenize { get; init; } = new();

    /// <summary>The <c>dedup:</c> section: exact and MinHash near-dedup.</summary>
    public DedupOptions Dedup { get; init; } = new();

    /// <summary>The <c>semantic:</c> section: embeddings and SemDeDup after MinHash dedup (off by default).</summary>
    public SemanticOptions Semantic { get; init; } = new();

    /// <summary>The <c>outputs:</c> section.</summary>
    public OutputOptions Outputs { get; init; } = new();

    /// <summary>
    /// A mix file (<c>curate mix</c>'s YAML) to apply as the last pass of <c>curate run</c>, writing <c>{output}/mix/</c>;
    /// <c>null</c> for none. Relative to the pipeline file.
    /// </summary>
    public string? Mix { get; init; }

    /// <summary>Each section's YAML key with its validator, in file order, for error messages that name the key.</summary>
    internal IEnumerable<(string Section, Action Validate)> Validators() =>
    [
        ("input", Input.Validate),
        ("execution", Execution.Validate),
        ("read", Read.Validate),
        ("json_lines", JsonLines.Validate),
        ("extract", Extract.Validate),
        ("onnx_classifiers", () => { foreach (OnnxClassifierOptions classifier in OnnxClassifiers) { classifier.Validate(); } }),
        ("quality_buckets", () =>
        {
            QualityBuckets?.Validate();
            if (QualityBuckets is not null && Classifiers.Count + OnnxClassifiers.Count == 0)
            {
                throw new ArgumentException("needs classifiers: or onnx_classifiers: to combine.", nameof(QualityBucketOptions.Edges));
            }
        }),
        ("filters", () => { foreach (FilterSpec filter in Filters) { filter.Validate(); } }),
        ("pii", () => Pii?.Validate()),
        ("tokenize", Tokenize.Validate),
        ("dedup", Dedup.Validate),
        ("semantic", Semantic.Validate),
        ("outputs", Outputs.Validate),
    ];
}
