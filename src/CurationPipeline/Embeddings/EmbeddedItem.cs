namespace CurationPipeline.Embeddings;

/// <summary>One item after the embedding stage: its vector, or the reason it has none.</summary>
/// <typeparam name="T">The caller's item, carried through unchanged.</typeparam>
/// <param name="Item">The item that was embedded.</param>
/// <param name="Vector">The L2-normalized embedding (length <see cref="TextEmbedder.Dimension"/>), or <c>null</c> when <paramref name="Reason"/> is set.</param>
/// <param name="TokenCount">Tokens fed to the model, special tokens included.</param>
/// <param name="Truncated">Whether the text was cut at <see cref="EmbeddingOptions.MaxTokens"/>.</param>
/// <param name="Reason">An <see cref="EmbeddingReasons"/> code when the item could not be embedded; otherwise <c>null</c>.</param>
public readonly record struct EmbeddedItem<T>(T Item, float[]? Vector, int TokenCount, bool Truncated, string? Reason);
