namespace CurationPipeline.Embeddings;

/// <summary>Stable reason codes of the embedding stage.</summary>
public static class EmbeddingReasons
{
    /// <summary>The text is empty or white space only: there is nothing to embed.</summary>
    public const string EmptyText = "embed.empty_text";
}
