using CurationPipeline.Configuration;
using CurationPipeline.Documents;
using CurationPipeline.Pipelines;
using CurationPipeline.Pipelines.Configuration;
using CurationPipeline.Pipelines.Stages;
using CurationPipeline.Filters;

namespace CurationPipeline.Tests.Filters;

public sealed class MaxLineLengthFilterTests
{
    private static readonly MaxLineLengthFilter s_filter = new(new MaxLineLengthOptions { MaxChars = 10 });

    [Theory]
    [InlineData("", 0)]
    [InlineData("short", 5)]
    [InlineData("ab\nabcdef\nabc", 6)]
    [InlineData("abcd\r\nab\r\n", 4)] // \r before \n is not counted
    [InlineData("abc\n\n", 3)]
    public void ComputeSignals_Text_LongestLine(string text, int expected) =>
        Assert.Equal(expected, s_filter.ComputeSignals(text).LongestLine);

    [Theory]
    [InlineData(10, true)] // equal to the limit: kept
    [InlineData(11, false)]
    public void Evaluate_AroundTheLimit_DropsWithTooLong(int length, bool keep)
    {
        FilterOutcome outcome = s_filter.Evaluate("first line\n" + new string('x', length) + "\nlast", null);

        Assert.Equal(keep ? FilterVerdict.Kept : FilterVerdict.Drop(FilterReasons.MaxLineLengthTooLong), outcome.Verdict);
        Assert.Equal(new MaxLineLengthSignals(length), outcome.Signals);
    }

    [Fact]
    public void Options_NotPositive_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new MaxLineLengthFilter(new MaxLineLengthOptions { MaxChars = 0 }));

    [Fact]
    public void Pipeline_YamlKey_BuildsTheFilterAndItsColumn()
    {
        PipelineOptions options = PipelineConfigLoader.Parse("filters:\n  - max_line_length: { max_chars: 1000 }\n", "p.yaml");
        ITextFilter filter = options.Filters[0].Create();
        var stage = new FilterStage([filter], pii: null);

        Assert.Equal(1000, Assert.IsType<MaxLineLengthOptions>(options.Filters[0].Options).MaxChars);
        Assert.Equal([("max_line_length.longest_line", SignalKind.Number)], stage.Schema.Columns);
    }

    [Fact]
    public void Pipeline_OutOfRange_NamesTheYamlPath()
    {
        var e = Assert.Throws<PipelineConfigException>(() => PipelineConfigLoader.Parse("filters:\n  - max_line_length: { max_chars: -1 }\n", "p.yaml"));

        Assert.Contains("'filters[0].max_line_length.max_chars'", e.Message, StringComparison.Ordinal);
    }
}
