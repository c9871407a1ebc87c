using CurationPipeline.Classifiers;
using CurationPipeline.Documents;

namespace CurationPipeline.Pipelines.Stages;

/// <summary>
/// Scores every document with the configured text classifiers (quality, code, math, safety, …); each score becomes an
/// annotated column named after its classifier, for the filters and the mix to use. It never drops a document.
/// </summary>
/// <remarks>When every classifier is an n-gram model with the same hashing, the text is hashed once for all of them.</remarks>
public sealed class ClassifyStage : IPipelineStage
{
    /// <summary>The stage name in stats.</summary>
    public const string StageName = "classify";

    private readonly IDocumentClassifier[] _classifiers;
    private readonly NgramClassifierSet? _set;

    /// <summary>Creates the stage.</summary>
    /// <param name="classifiers">The classifiers; their names must be unique.</param>
    /// <exception cref="ArgumentException">Two classifiers share a name.</exception>
    public ClassifyStage(IReadOnlyList<IDocumentClassifier> classifiers)
    {
        _classifiers = [.. classifiers];
        Schema = new SignalSchema(_classifiers.Select(c => (c.Name, SignalKind.Number)));
        NgramClassifier[] ngrams = _classifiers.OfType<NgramClassifier>().ToArray();
        if (ngrams.Length == _classifiers.Length && ngrams.Length > 1 && ngrams.All(n => n.HashBits == ngrams[0].HashBits))
        {
            _set = new NgramClassifierSet(ngrams);
        }
    }

    /// <summary>The columns this stage adds: one number per classifier.</summary>
    public SignalSchema Schema { get; }

    /// <inheritdoc/>
    public string Name => StageName;

    /// <inheritdoc/>
    public PipelineItem Process(PipelineItem item)
    {
        AnnotatedDocument document = item.Annotated!;
        var scores = new double[_classifiers.Length];
        if (_set is not null)
        {
            _set.ScoreAll(document.Text, scores);
        }
        else
        {
            for (int i = 0; i < _classifiers.Length; i++)
            {
                scores[i] = _classifiers[i].Score(document.Text);
            }
        }

        return item with { Annotated = document with { Signals = new SignalSet(Schema, scores, []) } };
    }
}
