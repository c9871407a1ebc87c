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
}
