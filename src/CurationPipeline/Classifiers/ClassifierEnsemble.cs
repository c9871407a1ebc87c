using System.Text.Json;
using CurationPipeline.Classifiers.Internal;

namespace CurationPipeline.Classifiers;

/// <summary>
/// An n-gram model and an embedding head that score the same thing, combined: the score of a document is the mean of the two
/// models' probabilities, compared with the ensemble's own <see cref="Threshold"/>.
/// </summary>
/// <remarks>
/// Immutable and thread-safe. The file (<c>.ensemble</c>, classifiers/README.md) is a small JSON object naming the two model
/// files, relative to it: <c>{"format_version": 1, "name", "combine": "mean", "threshold", "ngram", "head"}</c>.
/// </remarks>
public sealed class ClassifierEnsemble
{
    /// <summary>File extension of ensembles.</summary>
    public const string Extension = ".ensemble";

    private const int FormatVersion = 1;

    private const string MeanRule = "mean";

    /// <summary>Creates an ensemble of two binary models.</summary>
    /// <param name="name">The ensemble's name (its signal column).</param>
    /// <param name="ngram">The n-gram model, scored on the text.</param>
    /// <param name="head">The embedding head, scored on the document embedding.</param>
    /// <param name="threshold">The decision threshold of the mean score.</param>
    /// <exception cref="ArgumentException">A model is not binary, or the two disagree on their labels.</exception>
    public ClassifierEnsemble(string name, NgramClassifier ngram, EmbeddingHead head, double threshold)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(ngram);
        ArgumentNullException.ThrowIfNull(head);
        if (ngram.Kind != ClassifierKind.Binary || head.Kind != ClassifierKind.Binary || !ngram.Labels.SequenceEqual(head.Labels))
        {
            throw new ArgumentException($"Ensemble '{name}' needs two binary models with the same labels.", nameof(head));
        }

        Name = name;
        Ngram = ngram;
        Head = head;
        Threshold = threshold;
    }

    /// <summary>The ensemble's name, also its signal column.</summary>
    public string Name { get; }

    /// <summary>The n-gram model.</summary>
    public NgramClassifier Ngram { get; }

    /// <summary>The embedding head.</summary>
    public EmbeddingHead Head { get; }

    /// <summary>The decision threshold of <see cref="Score"/>.</summary>
    public double Threshold { get; }

    /// <summary>Scores one document: the mean of the n-gram model's score of its text and the head's score of its embedding.</summary>
    /// <param name="text">The document text.</param>
    /// <param name="embedding">Its embedding (the head's model, L2-normalised).</param>
    /// <returns>The mean probability.</returns>
    /// <exception cref="ArgumentException">The embedding length is not the head's dimension.</exception>
    public double Score(ReadOnlySpan<char> text, ReadOnlySpan<float> embedding) => Mean(Ngram.Score(text), Head.Score(embedding));

    /// <summary>The mean of two scores, the ensemble's rule.</summary>
    /// <param name="first">One score.</param>
    /// <param name="second">The other.</param>
    /// <returns>Their mean.</returns>
    public static double Mean(double first, double second) => (first + second) / 2;

    /// <summary>Writes the ensemble file; the two models are referred to by file name, so they must sit beside it.</summary>
    /// <param name="path">The <c>.ensemble</c> file.</param>
    /// <param name="ngramFile">The n-gram model's file name.</param>
    /// <param name="headFile">The head's file name.</param>
    public void Save(string path, string ngramFile, string headFile) => ModelFile.SaveAtomically(path, stream =>
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteNumber("format_version", FormatVersion);
        json.WriteString("name", Name);
        json.WriteString("combine", MeanRule);
        json.WriteNumber("threshold", Threshold);
        json.WriteString("ngram", ngramFile);
        json.WriteString("head", headFile);
        json.WriteEndObject();
        json.Flush();
        stream.WriteByte((byte)'\n');
    });

    /// <summary>The files it was read from (<see cref="Load"/>: the ensemble file, its n-gram model and its head); empty when built in memory.</summary>
    internal IReadOnlyList<string> Files { get; private init; } = [];

    /// <summary>Reads an ensemble file and the two models it names (relative to its folder).</summary>
    /// <param name="path">The <c>.ensemble</c> file.</param>
    /// <returns>The ensemble.</returns>
    /// <exception cref="FileNotFoundException">The file or a model it names does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not an ensemble this version can read, or a model is invalid.</exception>
    public static ClassifierEnsemble Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Classifier ensemble {path} not found.", path);
        }

        string folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        try
        {
            using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(path));
            JsonElement root = document.RootElement;
            if (root.GetProperty("format_version").GetInt32() != FormatVersion || root.GetProperty("combine").GetString() != MeanRule)
            {
                throw new InvalidDataException($"Classifier ensemble {path}: format_version {FormatVersion} with combine \"{MeanRule}\" expected.");
            }

            string ngramPath = Path.Combine(folder, root.GetProperty("ngram").GetString()!);
            string headPath = Path.Combine(folder, root.GetProperty("head").GetString()!);
            var ngram = (NgramClassifier)ClassifierLoader.Load(ngramPath);
            var head = (EmbeddingHead)ClassifierLoader.LoadHead(headPath);
            return new ClassifierEnsemble(root.GetProperty("name").GetString()!, ngram, head, root.GetProperty("threshold").GetDouble())
            {
                Files = [path, ngramPath, headPath],
            };
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or ArgumentException or FormatException)
        {
            throw new InvalidDataException($"Classifier ensemble {path} is not valid: {e.Message}", e);
        }
    }

}
