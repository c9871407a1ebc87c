namespace CurationPipeline.Classifiers;

/// <summary>Loads classifier files: text classifiers (<see cref="Load"/>), embedding heads (<see cref="LoadHead"/>) and their ensembles (<see cref="LoadEnsemble"/>).</summary>
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

    /// <summary>Loads an ensemble of an n-gram model and an embedding head (<c>.ensemble</c> files, <see cref="ClassifierEnsemble"/>).</summary>
    /// <param name="path">The ensemble file; the model files it names are read from its folder.</param>
    /// <returns>The ensemble, thread-safe.</returns>
    /// <exception cref="FileNotFoundException">The file or a model it names does not exist.</exception>
    /// <exception cref="InvalidDataException">The file or a model is not one this version can read.</exception>
    public static ClassifierEnsemble LoadEnsemble(string path) => ClassifierEnsemble.Load(path);
}
