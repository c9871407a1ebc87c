using System.Collections.Immutable;

namespace CurationPipeline.Classifiers;

/// <summary>What training, evaluation and model cards need of a trained model, whatever its input (text or embedding).</summary>
public interface ITrainedClassifier
{
    /// <summary>The classifier's name.</summary>
    string Name { get; }

    /// <summary>What the model predicts.</summary>
    ClassifierKind Kind { get; }

    /// <summary>Class labels (binary: negative then positive; multi-class: ordinal order); empty for regression.</summary>
    ImmutableArray<string> Labels { get; }

    /// <summary>The label whose absence the score measures; <c>null</c> for regression.</summary>
    string? NegativeLabel { get; }

    /// <summary>The decision threshold on the score.</summary>
    double Threshold { get; }

    /// <summary>One Markdown sentence describing the model, its format and how to load it.</summary>
    string Description { get; }

    /// <summary>The conventional file extension, with the dot (<c>.ngram</c>, <c>.head</c>).</summary>
    string FileExtension { get; }

    /// <summary>Writes the model to a file (a temporary name renamed when complete).</summary>
    /// <param name="path">The destination; its folder is created.</param>
    void Save(string path);
}
