namespace CurationPipeline.Classifiers;

/// <summary>A document classifier whose score becomes an annotated signal column named <see cref="Name"/>.</summary>
/// <remarks>Implementations are immutable once built and <see cref="Score"/> is safe to call from many threads at once.</remarks>
public interface IDocumentClassifier
{
    /// <summary>The classifier's name, also the name of its signal column (<c>quality</c>, <c>code</c>, <c>math</c>, <c>safety</c>).</summary>
    string Name { get; }

    /// <summary>Scores one document: a probability in [0, 1] for binary and multi-class models, the predicted value for regression.</summary>
    /// <param name="text">The document text; empty text gets the model's score for an empty document.</param>
    /// <returns>The score.</returns>
    double Score(string text);

    /// <summary>Scores several documents; <c>scores[i]</c> must equal <see cref="Score"/> of <c>texts[i]</c>, whatever else is in the batch.</summary>
    /// <param name="texts">The document texts.</param>
    /// <param name="scores">Receives one score per text.</param>
    /// <remarks>The default calls <see cref="Score"/> per text; a model that runs faster on batches overrides it.</remarks>
    void ScoreBatch(ReadOnlySpan<string> texts, Span<double> scores)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(scores.Length, texts.Length, nameof(scores));
        for (int i = 0; i < texts.Length; i++)
        {
            scores[i] = Score(texts[i]);
        }
    }

    /// <summary>Documents per <see cref="ScoreBatch"/> call the classifier is fastest with; 1 for a per-document model.</summary>
    int PreferredBatchSize => 1;
}
