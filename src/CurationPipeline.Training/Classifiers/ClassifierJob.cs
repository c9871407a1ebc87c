using CurationPipeline.Classifiers.Training;

namespace CurationPipeline.Training.Classifiers;

/// <summary>One classifier to train and write with its model card: the data, the options, and what the card says about them.</summary>
/// <param name="Name">The classifier name (its file and signal column).</param>
/// <param name="Examples">The labelled or scored examples.</param>
/// <param name="Options">Splits, threshold choice and the n-gram trainer's options.</param>
/// <param name="Head">The plain C# head trainer's options.</param>
/// <param name="Torch">The TorchSharp head trainer's options, or <c>null</c> for the plain C# one.</param>
/// <param name="Output">The folder the model and card go to.</param>
/// <param name="Data">The card's description of the training data.</param>
/// <param name="Command">The card's command that reproduces the model.</param>
/// <param name="Limits">The card's limits of the figures.</param>
/// <param name="Splits">Stratified splits whose held-out spread the card reports (1: the one split).</param>
public sealed record ClassifierJob(
    string Name,
    IReadOnlyList<LabeledText> Examples,
    ClassifierTrainingOptions Options,
    EmbeddingHeadOptions Head,
    TorchHeadOptions? Torch,
    string Output,
    string Data,
    string Command,
    string Limits,
    int Splits)
{
    /// <summary>The examples grouped by source; with two or more training sources the n-gram card gets a leave-one-source-out table. Empty: none.</summary>
    public IReadOnlyList<LabeledSource> Sources { get; init; } = [];

    /// <summary>The training date the card prints, or <c>null</c> for none (the same data then gives the same card bytes).</summary>
    public DateOnly? Date { get; init; }

    /// <summary>
    /// Heads with <see cref="Sources"/>: the most examples of each source that are embedded (a stratified, seeded
    /// <see cref="LabeledSource.Sample"/>), so that embedding the label texts on the CPU stays affordable; <c>null</c>: all of them.
    /// </summary>
    public int? MaxHeadExamplesPerSource { get; init; }

    /// <summary>Heads with <see cref="Sources"/>: also evaluate the mean of the n-gram model and the head, and write it as <c>NAME.ensemble</c>.</summary>
    public bool Ensemble { get; init; }
}
