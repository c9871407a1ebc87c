namespace CurationPipeline.Classifiers;

/// <summary>A classifier over a document embedding the pipeline already computed (a head on the shared encoder).</summary>
/// <remarks>Implementations are immutable and <see cref="Score"/> is safe to call from many threads at once.</remarks>
public interface IEmbeddingClassifier
{
    /// <summary>The classifier's name, also the name of its signal column.</summary>
    string Name { get; }

    /// <summary>The embedding length the head expects.</summary>
    int Dimension { get; }

    /// <summary>The embedding model the head was trained on (its vectors are the only valid input).</summary>
    string EmbeddingModel { get; }

    /// <summary>Scores one document embedding.</summary>
    /// <param name="embedding">The L2-normalised embedding, <see cref="Dimension"/> floats.</param>
    /// <returns>A probability for binary and multi-class heads, the predicted value for regression.</returns>
    /// <exception cref="ArgumentException">The embedding length is not <see cref="Dimension"/>.</exception>
    double Score(ReadOnlySpan<float> embedding);
}
