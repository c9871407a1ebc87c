using CurationPipeline.Classifiers;
using CurationPipeline.Classifiers.Training;
using CurationPipeline.Documents;
using CurationPipeline.Pipelines.Graph;
using CurationPipeline.Pipelines.Stages;
using CurationPipeline.Tests.Classifiers;

namespace CurationPipeline.Tests.Pipelines.Stages;

public sealed class ClassifyStageTests
{
    [Fact]
    public void ProcessBatch_CharAndWordOnlyModelsMixed_EachColumnIsItsModelsScore()
    {
        var words = new NgramTrainingOptions { HashBits = 14, Epochs = 3 };
        NgramTrainingOptions chars = words with { CharNgramMin = 3, CharNgramMax = 5 };
        NgramClassifier[] models =
        [
            NgramClassifierTrainer.Train("code", ClassifierTestData.CodeVersusProse(), chars),
            NgramClassifierTrainer.Train("words", ClassifierTestData.CodeVersusProse(), words),
            NgramClassifierTrainer.Train("kind", ClassifierTestData.ThreeClasses(), chars),
        ];
        var stage = new ClassifyStage(models);
        string[] texts = ["func f() { return 1 }", "The river flows to the sea.", ""];
        PipelineItem[] items = [.. texts.Select((t, i) => new PipelineItem { Annotated = new AnnotatedDocument { Id = $"d{i}", Text = t, SourcePath = "test" } })];
        var results = new PipelineItem[items.Length];

        stage.ProcessBatch(items, results);

        for (int d = 0; d < texts.Length; d++)
        {
            foreach (NgramClassifier model in models)
            {
                Assert.Equal(model.Score(texts[d]), results[d].Annotated!.Signals.Number(model.Name));
            }
        }
    }
}
