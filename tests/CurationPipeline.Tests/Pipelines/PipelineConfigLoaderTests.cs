using CurationPipeline.Configuration;
using CurationPipeline.Filters;
using CurationPipeline.Pipelines;
using CurationPipeline.Pipelines.Configuration;

namespace CurationPipeline.Tests.Pipelines;

public sealed class PipelineConfigLoaderTests
{
    [Fact]
    public void Parse_FullFile_BindsSnakeCaseKeysAndDurations()
    {
        const string yaml = """
            name: demo
            input:
              paths: [a.warc.gz, "dir/*.jsonl"]
            execution:
              workers: 3
              bounded_capacity: 16
              progress_interval: 500ms
            outputs:
              tokens_per_shard: 1000
            extract:
              max_nesting_work: 2000000
              timeout: 30s
            """;

        PipelineOptions options = PipelineConfigLoader.Parse(yaml, "demo.yaml");

        Assert.Equal("demo", options.Name);
        Assert.Equal(["a.warc.gz", "dir/*.jsonl"], options.Input.Paths);
        Assert.Equal(3, options.Execution.Workers);
        Assert.Equal(16, options.Execution.BoundedCapacity);
        Assert.Equal(TimeSpan.FromMilliseconds(500), options.Execution.ProgressInterval);
        Assert.Equal(1000, options.Outputs.TokensPerShard);
        Assert.Equal(2_000_000, options.Extract.MaxNestingWork);
        Assert.Equal(TimeSpan.FromSeconds(30), options.Extract.Timeout);
    }

    [Fact]
    public void Parse_UnknownKey_FailsNamingKeyAndLine()
    {
        const string yaml = """
            name: demo
            execution:
              workers: 3
              wrokers: 4
            """;

        var e = Assert.Throws<PipelineConfigException>(() => PipelineConfigLoader.Parse(yaml, "demo.yaml"));

        Assert.Equal(4, e.Line);
        Assert.Contains("unknown key 'wrokers'", e.Message);
        Assert.StartsWith("demo.yaml:4:", e.Message);
    }

    [Fact]
    public void Parse_ValueOfWrongType_FailsNamingLine()
    {
        const string yaml = "execution:\n  workers: many\n";

        var e = Assert.Throws<PipelineConfigException>(() => PipelineConfigLoader.Parse(yaml, "p.yaml"));

        Assert.Equal(2, e.Line);
    }

    [Fact]
    public void Parse_OutOfRangeValue_FailsNamingKeyAndLine()
    {
        const string yaml = "name: x\nexecution:\n  workers: 2\n  world_size: 0\n";

        var e = Assert.Throws<PipelineConfigException>(() => PipelineConfigLoader.Parse(yaml, "p.yaml"));

        Assert.Equal(4, e.Line);
        Assert.Contains("execution.world_size", e.Message);
    }

    [Fact]
    public void Parse_BadDuration_FailsNamingLine()
    {
        var e = Assert.Throws<PipelineConfigException>(
            () => PipelineConfigLoader.Parse("execution:\n  progress_interval: soon\n", "p.yaml"));

        Assert.Equal(2, e.Line);
        Assert.Contains("not a duration", e.Message);
    }

    [Fact]
    public void Parse_EmptyFile_GivesDefaults()
    {
        PipelineOptions options = PipelineConfigLoader.Parse("", "p.yaml");

        Assert.Equal(1, options.Execution.WorldSize);
    }

    [Fact]
    public void Parse_QualityBuckets_BindsEdgesPerClassifier()
    {
        const string yaml = "classifiers: [q.ngram]\nquality_buckets:\n  column: qb\n  edges:\n    quality: [0.2, 0.5]\n    fineweb-edu: [1.5, 2.5]\n";

        PipelineOptions options = PipelineConfigLoader.Parse(yaml, "p.yaml");

        Assert.Equal("qb", options.QualityBuckets!.Column);
        Assert.Equal([1.5, 2.5], options.QualityBuckets.Edges["fineweb-edu"]);
        Assert.Equal(2, options.QualityBuckets.Buckets);
    }

    [Theory]
    [InlineData("    quality: [0.5, 0.2]\n", "strictly ascending")]
    [InlineData("    quality: [0.2, 0.5]\n    code: [0.5]\n", "same number of edges")]
    [InlineData("    quality: []\n", "same number of edges")]
    public void Parse_BadQualityBuckets_FailsNamingTheSection(string edges, string expected)
    {
        string yaml = "classifiers: [q.ngram]\nquality_buckets:\n  edges:\n" + edges;

        var e = Assert.Throws<PipelineConfigException>(() => PipelineConfigLoader.Parse(yaml, "p.yaml"));

        Assert.Contains("quality_buckets", e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_QualityBucketsWithoutClassifiers_Fails()
    {
        var e = Assert.Throws<PipelineConfigException>(() => PipelineConfigLoader.Parse("quality_buckets:\n  edges:\n    quality: [0.5]\n", "p.yaml"));

        Assert.Contains("needs classifiers", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ReadmeReference_BindsEveryDocumentedKeyToItsDefault()
    {
        // The README's "Pipeline YAML reference" block must stay valid and list the real defaults.
        string readme = File.ReadAllText(Path.Combine(TestData.RepoRoot, "README.md"));
        int section = readme.IndexOf("## Pipeline YAML reference", StringComparison.Ordinal);
        int start = readme.IndexOf("```yaml\n", section, StringComparison.Ordinal) + "```yaml\n".Length;
        string yaml = readme[start..readme.IndexOf("```", start, StringComparison.Ordinal)];

        PipelineOptions parsed = PipelineConfigLoader.Parse(yaml, "README.md");
        var defaults = new PipelineOptions();

        Assert.Equal(defaults.Execution, parsed.Execution);
        Assert.Equal(defaults.Read, parsed.Read);
        Assert.Equal(defaults.JsonLines, parsed.JsonLines);
        Assert.Equal(defaults.Extract, parsed.Extract);
        Assert.Equal(defaults.Tokenize, parsed.Tokenize);
        Assert.Equal(defaults.Outputs, parsed.Outputs);
        Assert.Equal(defaults.Dedup, parsed.Dedup);
        Assert.Equal(defaults.Semantic.Embedding, parsed.Semantic.Embedding);
        Assert.Equal(defaults.Semantic.Dedup.ReportEpsilons, parsed.Semantic.Dedup.ReportEpsilons);
        Assert.Equal(defaults.Semantic.Dedup with { ReportEpsilons = [] }, parsed.Semantic.Dedup with { ReportEpsilons = [] });
        Assert.Empty(parsed.Input.Paths);
    }

    [Fact]
    public void Load_RelativePaths_ResolveAgainstThePipelineFile()
    {
        string dir = TestData.NewTempDirectory();
        string pipeline = Path.Combine(dir, "sub", "p.yaml");
        Directory.CreateDirectory(Path.GetDirectoryName(pipeline)!);
        File.WriteAllText(pipeline, """
            input: { paths: [crawl/a.warc.gz] }
            output: out
            classifiers: [models/code.ngram]
            filters:
              - url: { blocked_domains_path: lists/domains.txt }
              - c4_badwords: { word_list_path: lists/en.txt }
            tokenize: { name: tok/tokenizer.json }
            semantic: { embedding: { model_directory: encoder } }
            mix: mix.yaml
            """);
        string sub = Path.Combine(dir, "sub");
        foreach (string file in (string[])["models/code.ngram", "lists/domains.txt", "lists/en.txt", "tok/tokenizer.json", "mix.yaml"])
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(sub, file))!);
            File.WriteAllText(Path.Combine(sub, file), "");
        }

        Directory.CreateDirectory(Path.Combine(sub, "encoder"));

        PipelineOptions options = PipelineConfigLoader.Load(pipeline);

        Assert.Equal(Path.Combine(sub, "crawl", "a.warc.gz"), options.Input.Paths[0]);
        Assert.Equal(Path.Combine(sub, "out"), options.Output);
        Assert.Equal(Path.Combine(sub, "models", "code.ngram"), options.Classifiers[0]);
        Assert.Equal(Path.Combine(sub, "lists", "domains.txt"), ((UrlFilterOptions)options.Filters[0].Options!).BlockedDomainsPath);
        Assert.Equal(Path.Combine(sub, "lists", "en.txt"), ((C4BadWordsOptions)options.Filters[1].Options!).WordListPath);
        Assert.Equal(Path.Combine(sub, "tok", "tokenizer.json"), options.Tokenize.Name);
        Assert.Equal(Path.Combine(sub, "encoder"), options.Semantic.Embedding.ModelDirectory);
        Assert.Equal(Path.Combine(sub, "mix.yaml"), options.Mix);
    }
    [Theory]
    [InlineData("mix: missing/mix.yaml\n", 1, "'mix'")]
    [InlineData("filters:\n  - url: { blocked_domains_path: lists/none.txt }\n", 2, "'filters[0].url.blocked_domains_path'")]
    [InlineData("classifiers: [models/none.ngram]\n", 1, "'classifiers[0]'")]
    public void Load_NamedFileMissing_FailsAtLoadNamingKeyAndLine(string yaml, int line, string key)
    {
        string dir = TestData.NewTempDirectory();
        string pipeline = Path.Combine(dir, "p.yaml");
        File.WriteAllText(pipeline, "name: x\n" + yaml);

        var e = Assert.Throws<PipelineConfigException>(() => PipelineConfigLoader.Load(pipeline));

        Assert.Equal(line + 1, e.Line);
        Assert.Contains(key, e.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("name: x\nexecution:\n\tworkers: 2\n", 3, 1)]
    [InlineData("name: x\n\tworkers: 2\n", 2, 1)]
    [InlineData("name: x\nexecution:\n  workers: 2\n  \treaders: 2\n", 4, 3)]
    public void Parse_TabIndentation_FailsAtTheTab(string yaml, int line, int column)
    {
        var e = Assert.Throws<PipelineConfigException>(() => PipelineConfigLoader.Parse(yaml, "p.yaml"));

        Assert.Equal((line, column), ((int)e.Line, (int)e.Column));
        Assert.Contains("tab", e.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Parse_ValueOfWrongType_NamesTheKey()
    {
        var e = Assert.Throws<PipelineConfigException>(() => PipelineConfigLoader.Parse("name: x\nexecution:\n  workers: abc\n", "p.yaml"));

        Assert.Equal(3, e.Line);
        Assert.Contains("'execution.workers'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UrlFilterWithoutAList_FailsNamingTheFilter()
    {
        var e = Assert.Throws<PipelineConfigException>(() => PipelineConfigLoader.Parse("filters:\n  - url: {}\n", "p.yaml"));

        Assert.Contains("filters[0].url", e.Message, StringComparison.Ordinal);
        Assert.Contains("blocks nothing", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("semantic:\n  dedup:\n    keep_rule: 7\n", 3, "'semantic.dedup.keep_rule'", "Hard | Quality")]
    [InlineData("semantic:\n  dedup:\n    keep_rule: 1\n", 3, "'semantic.dedup.keep_rule'", "Hard | Quality")]
    [InlineData("onnx_classifiers:\n  - { name: edu, model_path: m.onnx, output_kind: 9 }\n", 2, "output_kind", "Regression")]
    [InlineData("extract:\n  format: Html\n", 2, "'extract.format'", "Text | Markdown")]
    [InlineData("read:\n  document_record_types: Response, 64\n", 2, "'read.document_record_types'", "Conversion")]
    public void Parse_EnumValueThatIsNoMemberName_FailsNamingKeyAndMembers(string yaml, int line, string key, string members)
    {
        var e = Assert.Throws<PipelineConfigException>(() => PipelineConfigLoader.Parse(yaml, "p.yaml"));

        Assert.Equal(line, e.Line);
        Assert.Contains(key, e.Message, StringComparison.Ordinal);
        Assert.Contains(members, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_EnumNames_BindCaseInsensitivelyAndAsFlagLists()
    {
        PipelineOptions options = PipelineConfigLoader.Parse("semantic:\n  dedup:\n    keep_rule: quality\nread:\n  document_record_types: Response, Resource\n", "p.yaml");

        Assert.Equal(CurationPipeline.Dedup.Semantic.SemanticKeepRule.Quality, options.Semantic.Dedup.KeepRule);
        Assert.Equal(CurationPipeline.Warc.WarcRecordType.Response | CurationPipeline.Warc.WarcRecordType.Resource, options.Read.DocumentRecordTypes);
    }

    [Fact]
    public void Parse_NestedValueOutOfRange_NamesTheYamlPath()
    {
        var e = Assert.Throws<PipelineConfigException>(() => PipelineConfigLoader.Parse("dedup:\n  minhash:\n    bands: -3\n", "p.yaml"));

        Assert.Equal(3, e.Line);
        Assert.Contains("'dedup.minhash.bands'", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("keep_languages: [xx]", "keep_languages")]
    [InlineData("keep_languages: [en], candidate_languages: [en, qq]", "candidate_languages")]
    public void Parse_UnknownLanguageCode_FailsNamingKeyAndKnownCodes(string language, string key)
    {
        string yaml = $"name: x\nfilters:\n  - language: {{ {language} }}\n";

        var e = Assert.Throws<PipelineConfigException>(() => PipelineConfigLoader.Parse(yaml, "p.yaml"));

        Assert.Equal(3, e.Line);
        Assert.Contains($"'filters[0].language.{key}'", e.Message, StringComparison.Ordinal);
        Assert.Contains("fr", e.Message, StringComparison.Ordinal); // lists the codes that have models
    }

    [Fact]
    public void Parse_KnownLanguageCodes_Accepted()
    {
        PipelineOptions options = PipelineConfigLoader.Parse("filters:\n  - language: { keep_languages: [en, DE, fr] }\n", "p.yaml");

        Assert.Equal(["en", "DE", "fr"], ((LanguageIdOptions)options.Filters[0].Options!).KeepLanguages);
    }
}
