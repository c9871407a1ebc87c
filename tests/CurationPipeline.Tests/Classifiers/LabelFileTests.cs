using CurationPipeline.Classifiers;
using CurationPipeline.Classifiers.Training;

namespace CurationPipeline.Tests.Classifiers;

public sealed class LabelFileTests
{
    [Fact]
    public void Read_BadLines_CountedByReasonNotThrown()
    {
        string path = Path.Combine(TestData.NewTempDirectory(), "labels.jsonl");
        File.WriteAllLines(path,
        [
            """{"text":"a","label":"x"}""",
            """{"text":"b","label":1}""",
            "not json",
            "[1,2]",
            """{"label":"x"}""",
            """{"text":"","label":"x"}""",
            """{"text":"c"}""",
            """{"text":"d","score":3.5}""",
            "",
        ]);

        LabelFileContent content = LabelFile.Read(path);

        Assert.Equal([new LabeledText("a", "x"), new LabeledText("b", "1")], content.Examples);
        Assert.Equal(2, content.Rejected[ClassifierReasons.MalformedLine]);
        Assert.Equal(2, content.Rejected[ClassifierReasons.MissingText]);
        Assert.Equal(1, content.Rejected[ClassifierReasons.MissingTarget]);
        Assert.Equal(1, content.Rejected[ClassifierReasons.MixedTargets]);
    }

    [Fact]
    public void WriteRead_RoundTrip_KeepsLabelsAndScores()
    {
        string path = Path.Combine(TestData.NewTempDirectory(), "labels.jsonl");
        LabeledText[] scored = [new("line\nbreak \"quoted\"", null, 2.5), new("ünïcode", null, 0)];

        LabelFile.Write(path, scored);

        Assert.Equal(scored, LabelFile.Read(path).Examples);
        Assert.Empty(LabelFile.Read(path).Rejected);
    }
}
