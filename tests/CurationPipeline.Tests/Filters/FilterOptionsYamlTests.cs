using CurationPipeline.Filters;
using CurationPipeline.Filters.Pii;
using CurationPipeline.Pipelines.Configuration;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace CurationPipeline.Tests.Filters;

/// <summary>The options records bind from snake_case YAML with the settings of <c>PipelineConfigLoader</c>, defaults included.</summary>
public sealed class FilterOptionsYamlTests
{
    private static readonly IDeserializer s_yaml = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .WithTypeMapping<IReadOnlyList<string>, List<string>>()
        .WithEnforceRequiredMembers()
        .Build();

    [Fact]
    public void Deserialize_GopherQuality_OverridesOneThresholdKeepsOtherDefaults()
    {
        var options = s_yaml.Deserialize<GopherQualityOptions>("min_doc_words: 80\nmax_avg_word_length: ~\nstop_words: [the, und]\n");
        Assert.Equal(80, options.MinDocWords);
        Assert.Null(options.MaxAvgWordLength);
        Assert.Equal(["the", "und"], options.StopWords);
        Assert.Equal(new GopherQualityOptions().MaxDocWords, options.MaxDocWords);
        options.Validate();
    }

    [Fact]
    public void Deserialize_EveryOptionsRecord_Binds()
    {
        Assert.Equal(0.25, s_yaml.Deserialize<GopherRepetitionOptions>("dup_line_frac: 0.25").DupLineFrac);
        Assert.False(s_yaml.Deserialize<C4QualityOptions>("filter_no_terminal_punct: false").FilterNoTerminalPunct);
        Assert.True(s_yaml.Deserialize<FineWebQualityOptions>("line_punct_exclude_zero: true").LinePunctExcludeZero);
        Assert.Equal("d.txt", s_yaml.Deserialize<UrlFilterOptions>("blocked_domains_path: d.txt").BlockedDomainsPath);
        Assert.Equal("w.txt", s_yaml.Deserialize<C4BadWordsOptions>("word_list_path: w.txt").WordListPath);
        Assert.Equal(["en", "de"], s_yaml.Deserialize<LanguageIdOptions>("keep_languages: [en, de]").KeepLanguages);
        Assert.True(s_yaml.Deserialize<PiiRedactorOptions>("redact_phone_numbers: true").RedactPhoneNumbers);
    }
}
