using CurationPipeline.Configuration;
using CurationPipeline.Filters;
using CurationPipeline.Pipelines;
using CurationPipeline.Pipelines.Configuration;
using CurationPipeline.Pipelines.Stages;

namespace CurationPipeline.Tests.Filters;

/// <summary>The registry is the one place a filter is named: YAML keys, reason prefixes and signal columns all come from it.</summary>
public sealed class FilterRegistryTests
{
    [Fact]
    public void Default_EveryThreshold_NamesANumericColumnOfItsFilter()
    {
        int thresholds = 0;
        foreach (FilterDefinition definition in FilterRegistry.Default.Definitions)
        {
            object defaults = Activator.CreateInstance(definition.OptionsType)!;
            var columns = CurationPipeline.Pipelines.Stages.Internal.SignalFlattener.For(definition.Key, definition.SignalsType).Columns
                .Where(c => c.Kind == CurationPipeline.Documents.SignalKind.Number).Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
            foreach ((string column, _) in definition.Thresholds(defaults))
            {
                Assert.Contains(column, columns);
                thresholds++;
            }
        }

        Assert.True(thresholds >= 20, $"{thresholds} thresholds declared");
    }

    [Fact]
    public void Default_EveryReasonCode_StartsWithARegisteredKey()
    {
        string[] reasons = [.. typeof(FilterReasons).GetFields().Select(f => (string)f.GetValue(null)!)];

        Assert.NotEmpty(reasons);
        Assert.All(reasons, r => Assert.True(FilterRegistry.Default.TryGet(r[..r.IndexOf('.')], out _), r));
    }

    [Fact]
    public void Constructor_DuplicateKey_Throws()
    {
        FilterDefinition fineweb = FilterRegistry.Default.Get("fineweb");

        Assert.Throws<ArgumentException>(() => new FilterRegistry([fineweb, fineweb]));
    }

    [Fact]
    public void Parse_UnknownFilter_FailsNamingTheKeyTheLineAndTheKnownFilters()
    {
        var e = Assert.Throws<PipelineConfigException>(() => PipelineConfigLoader.Parse("name: x\nfilters:\n  - fineweb: {}\n  - finweb: {}\n", "p.yaml"));

        Assert.Equal(4, e.Line);
        Assert.Contains("unknown key 'finweb'", e.Message, StringComparison.Ordinal);
        Assert.Contains(FilterRegistry.Default.KnownKeys, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("filters:\n  - { fineweb: {}, c4: {} }\n")]
    [InlineData("filters:\n  - {}\n")]
    [InlineData("filters:\n  - fineweb\n")]
    [InlineData("filters:\n  - fineweb:\n")]
    public void Parse_EntryNotOneFilterWithOptions_Fails(string yaml)
    {
        var e = Assert.Throws<PipelineConfigException>(() => PipelineConfigLoader.Parse(yaml, "p.yaml"));

        Assert.Contains("filters", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_FilterOptions_BindToTheRegisteredOptionsRecord()
    {
        PipelineOptions options = PipelineConfigLoader.Parse("filters:\n  - fineweb: { short_line_length: 12 }\n  - c4: {}\n", "p.yaml");

        Assert.Equal(["fineweb", "c4"], options.Filters.Select(f => f.Key));
        Assert.Equal(12, Assert.IsType<FineWebQualityOptions>(options.Filters[0].Options).ShortLineLength);
        Assert.IsType<C4QualityOptions>(options.Filters[1].Options);
    }

    [Fact]
    public void FilterStage_Schema_ComesFromTheDeclaredSignalsTypes()
    {
        var stage = new FilterStage([new FineWebQualityFilter(new()), new C4QualityFilter(new())], pii: null);

        Assert.Contains(("fineweb.line_punct_ratio", CurationPipeline.Documents.SignalKind.Number), stage.Schema.Columns);
        Assert.Contains(("c4.sentence_count", CurationPipeline.Documents.SignalKind.Number), stage.Schema.Columns);
    }
}
