namespace CurationPipeline.Classifiers;

/// <summary>Loads a classifier file by its format.</summary>
public static class ClassifierLoader
{
    /// <summary>Loads a classifier; today the <c>CPNGRAM1</c> n-gram format (<c>.ngram</c> files).</summary>
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
}
