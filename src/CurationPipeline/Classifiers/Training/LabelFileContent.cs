using System.Collections.Immutable;

namespace CurationPipeline.Classifiers.Training;

/// <summary>What <see cref="LabelFile.Read"/> found: usable examples and rejected lines counted by <see cref="ClassifierReasons"/> code.</summary>
/// <param name="Examples">The usable examples in file order.</param>
/// <param name="Rejected">Rejected line counts by reason.</param>
public sealed record LabelFileContent(IReadOnlyList<LabeledText> Examples, ImmutableSortedDictionary<string, int> Rejected);
