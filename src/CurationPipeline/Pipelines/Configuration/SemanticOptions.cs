using CurationPipeline.Dedup.Semantic;
using CurationPipeline.Embeddings;

namespace CurationPipeline.Pipelines.Configuration;

/// <summary>The <c>semantic:</c> section: ONNX embeddings of the kept documents, then SemDeDup over them.</summary>
/// <remarks>
/// Defaults: disabled (embedding runs at tens of documents per second per CPU core; on a GPU at thousands). When enabled,
/// the default model is all-MiniLM-L6-v2 (extracted once from its NuGet package, never downloaded), CUDA when it loads.
/// </remarks>
public sealed record SemanticOptions
{
    /// <summary>Whether <c>curate run</c> embeds the documents that survive the filters and MinHash dedup, then runs SemDeDup.</summary>
    public bool Enabled { get; init; }

    /// <summary>Model, batching, truncation, execution provider.</summary>
    public EmbeddingOptions Embedding { get; init; } = new();

    /// <summary>k-means, epsilon, keep rule.</summary>
    public SemanticDedupOptions Dedup { get; init; } = new();

    /// <summary>
    /// Embedding-head files (<c>.head</c>, classifiers/README.md) scored on every embedded document: each score becomes a
    /// numeric column of the annotated shards named after the head (NaN for documents that were not embedded: filter or
    /// MinHash drops), so the mix can threshold it. A head's column replaces a tag-pass column of the same name (an n-gram
    /// classifier's, say). The heads must have been trained on this pass's embedding model. An ensemble file (<c>.ensemble</c>,
    /// <see cref="CurationPipeline.Classifiers.ClassifierEnsemble"/>) is a head too: its column is the mean of its n-gram model's
    /// score of the text and its head's score of the embedding.
    /// </summary>
    public IReadOnlyList<string> Heads { get; init; } = [];

    /// <summary>
    /// The numeric annotated column <see cref="SemanticKeepRule.Quality"/> ranks a near-duplicate group by (highest kept; NaN
    /// ranks last): a <c>classifiers:</c>, <c>onnx_classifiers:</c> or <see cref="Heads"/> score. Default <c>quality</c>, the
    /// column of the shipped <c>classifiers/quality.ngram</c> and <c>classifiers/quality.head</c>; the run fails before any
    /// work when the pipeline does not write it.
    /// </summary>
    public string QualityColumn { get; init; } = "quality";

    /// <summary>Checks the values.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public void Validate()
    {
        Embedding.Validate();
        Dedup.Validate();
        ArgumentNullException.ThrowIfNull(Heads, nameof(Heads));
        ArgumentException.ThrowIfNullOrWhiteSpace(QualityColumn, nameof(QualityColumn));
        if (Heads.Count > 0 && !Enabled)
        {
            throw new ArgumentOutOfRangeException(nameof(Heads), "Heads are scored on the semantic pass's embeddings: set semantic.enabled: true.");
        }
    }
}
