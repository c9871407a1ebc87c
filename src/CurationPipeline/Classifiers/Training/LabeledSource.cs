namespace CurationPipeline.Classifiers.Training;

/// <summary>The labelled examples that came from one source (a corpus, site or platform), for validation across sources.</summary>
/// <param name="Name">A short source name, e.g. <c>davidson</c>.</param>
/// <param name="Examples">Its examples.</param>
/// <param name="EvaluationOnly">The source is only ever tested on, never trained on (e.g. a diagnostic suite of near-duplicates).</param>
public sealed record LabeledSource(string Name, IReadOnlyList<LabeledText> Examples, bool EvaluationOnly = false);
