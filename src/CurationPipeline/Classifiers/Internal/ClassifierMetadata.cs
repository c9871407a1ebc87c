using System.Collections.Immutable;

namespace CurationPipeline.Classifiers.Internal;

/// <summary>The JSON header of a model file: everything but the weights.</summary>
internal sealed record ClassifierMetadata
{
    public required string Name { get; init; }

    public required ClassifierKind Kind { get; init; }

    /// <summary>Binary: [negative, positive]; multi-class: ordinal order; regression: empty.</summary>
    public required ImmutableArray<string> Labels { get; init; }

    public string? NegativeLabel { get; init; }

    public double Threshold { get; init; } = 0.5;

    /// <summary>N-gram models: hash bits; 0 for embedding heads.</summary>
    public int HashBits { get; init; }

    /// <summary>N-gram models: leading chars scored; 0 for embedding heads.</summary>
    public int MaxChars { get; init; }

    /// <summary>N-gram models: shortest char n-gram; 0 without char n-grams.</summary>
    public int CharNgramMin { get; init; }

    /// <summary>N-gram models: longest char n-gram; 0 without char n-grams (word n-grams only).</summary>
    public int CharNgramMax { get; init; }

    /// <summary>N-gram models with char n-grams: leading chars whose char n-grams are hashed.</summary>
    public int CharNgramChars { get; init; }

    /// <summary>N-gram models: whether the code-line shape indicators (<see cref="CodeLineFeatures"/>) are features.</summary>
    public bool CodeLines { get; init; }

    /// <summary>N-gram models: whether the arithmetic indicators (<see cref="ArithmeticFeatures"/>) are features.</summary>
    public bool Arithmetic { get; init; }

    /// <summary>Embedding heads: the embedding length; 0 for n-gram models.</summary>
    public int Dimension { get; init; }

    /// <summary>Embedding heads: ReLU units of the hidden layer; 0 for a linear head.</summary>
    public int Hidden { get; init; }

    /// <summary>Embedding heads: the embedding model the head was trained on.</summary>
    public string? EmbeddingModel { get; init; }

    public int Outputs => Kind == ClassifierKind.Multiclass ? Labels.Length : 1;

    /// <summary>
    /// Whether one pass hashing <paramref name="features"/>' n-grams can score this model: the same word n-grams (hash bits, max
    /// chars) and either no char n-grams or the same ones (a set pools char n-grams once and adds them only where a model uses them;
    /// the code-line indicators likewise).
    /// </summary>
    public bool FitsFeaturesOf(ClassifierMetadata features) =>
        HashBits == features.HashBits && MaxChars == features.MaxChars && (CharNgramMax == 0 ||
        (CharNgramMin == features.CharNgramMin && CharNgramMax == features.CharNgramMax && CharNgramChars == features.CharNgramChars));
}
