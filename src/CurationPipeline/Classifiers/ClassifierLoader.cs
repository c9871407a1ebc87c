namespace CurationPipeline.Classifiers;

/// <summary>Loads classifier files: text classifiers (<see cref="Load"/>) and embedding heads (<see cref="LoadHead"/>).</summary>
public static class ClassifierLoader
{
    /// <summary>Loads a text classifier: the <c>CPNGRAM1</c> n-gram format (<c>.ngram</c> files).</summary>
    /// <param name="modelPath">The model file.</param>
    /// <returns>The classifier, thread-safe.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not a classifier this version can read.</exception>
    public static IDocumentClassifier Load(string modelPath)
    {
        if (!File.Exists(modelPath))
        {
            throw new FileNotFoundException($"Classifier {modelPath} not found.", modelPath);
        }

        return NgramClassifier.Load(modelPath);
    }

    /// <summary>Loads an embedding head (<c>CPHEAD01</c>, <c>.head</c> files).</summary>
    /// <param name="modelPath">The head file.</param>
    /// <returns>The head, thread-safe.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not a head this version can read.</exception>
    public static IEmbeddingClassifier LoadHead(string modelPath)
    {
        if (!File.Exists(modelPath))
        {
            throw new FileNotFoundException($"Classifier {modelPath} not found.", modelPath);
        }

        using var stream = new FileStream(modelPath, FileMode.Open, FileAccess.Read, FileShare.Read);
        return EmbeddingHead.Load(stream);
    }
}
