using CurationPipeline.Configuration;
using CurationPipeline.Pipelines;
using CurationPipeline.Training.Ablation;
using CurationPipeline.Training.Loop;

namespace CurationPipeline.Training.Tests.Ablation;

public sealed class AblationConfigLoaderTests
{
    /// <summary>An inline mix (indented under <c>mixes:</c>) with the shared rules, unless <paramref name="extra"/> overrides them.</summary>
    private static string Mix(string name, string targets = "{ general: 0.5, multilingual: 0.5 }", string validation = "500", string extra = "") =>
        $"  {name}:\n    domains:\n      - domain: multilingual\n        when: {{ column: declared_language, is_not: en, default: en }}\n"
        + $"    validation_tokens_per_domain: {validation}\n    targets: {targets}\n" + (extra.Length > 0 ? $"    {extra}\n" : "");

    [Fact]
    public void Parse_InlineMixesWithAnchorsAndAMixFile_ResolvesMixesPathsAndRecipe()
    {
        string folder = Directory.CreateTempSubdirectory("curate-ablate-config-").FullName;
        File.WriteAllText(Path.Combine(folder, "balanced.yaml"), """
            domains:
              - domain: multilingual
                when: { column: declared_language, is_not: en, default: en }
            targets: { general: 0.5, multilingual: 0.5 }
            validation_tokens_per_domain: 500
            """);
        string output = Path.Combine(Path.GetTempPath(), "ablation-out"); // absolute: kept as written
        string yaml = $$"""
            tagged: data/tagged
            output: {{output}}
            seeds: [1, 2]
            training_tokens: 4096
            mix_tokens: 10000
            training: { sequence_length: 32, micro_batch_size: 4, batch_tokens: 256, learning_rate: 0.002, schedule: WarmupStableDecay }
            mixes:
              english:
                domains: &rules
                  - domain: multilingual
                    when: { column: declared_language, is_not: en, default: en }
                targets: { general: 0.9, multilingual: 0.1 }
                validation_tokens_per_domain: &validation 500
              german:
                domains: *rules
                targets: { general: 0.2, multilingual: 0.8 }
                validation_tokens_per_domain: *validation
              balanced: balanced.yaml
            """;

        AblationOptions options = AblationConfigLoader.Parse(yaml, "ablation.yaml", folder);

        Assert.Equal(Path.Combine(folder, "data", "tagged"), options.TaggedDirectory);
        Assert.Equal(output, options.OutputDirectory);
        Assert.Equal(["english", "german", "balanced"], options.Mixes.Select(m => m.Name));
        Assert.Equal(0.8, options.Mixes[1].Options.Targets["multilingual"]);
        Assert.Equal("declared_language", options.Mixes[1].Options.Domains[0].When.Column);
        Assert.Equal(0.5, options.Mixes[2].Options.Targets["general"]);
        Assert.Equal([1L, 2L], options.EffectiveSeeds);
        Assert.Equal(10_000, options.MixTokens);
        Assert.Equal(16, options.Steps);
        Assert.Equal(LearningRateSchedule.WarmupStableDecay, options.Training.Schedule);
        Assert.Equal(0.002, options.Training.LearningRate);
        Assert.Equal(new TrainingOptions().WarmupSteps, options.Training.WarmupSteps);
    }

    [Theory]
    [InlineData("filters", "{ general: 0.5, multilingual: 0.5 }", "500", "filters: [{ column: quality, at_least: 0.5, default: '1' }]")]
    [InlineData("validation_tokens_per_domain", "{ general: 0.5, multilingual: 0.5 }", "900", "")]
    [InlineData("default_domain", "{ english: 0.5, multilingual: 0.5 }", "500", "default_domain: english")]
    public void Parse_SecondMixHoldsOutAnotherValidationSet_FailsNamingTheMixesAndTheKey(string key, string targets, string validation, string extra)
    {
        string yaml = "tagged: t\noutput: o\nmixes:\n" + Mix("first", "{ general: 0.9, multilingual: 0.1 }") + Mix("second", targets, validation, extra);

        var error = Assert.Throws<PipelineConfigException>(() => AblationConfigLoader.Parse(yaml, "ablation.yaml", "/"));

        Assert.Contains("'mixes'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'first' and 'second'", error.Message, StringComparison.Ordinal);
        Assert.Contains($"their {key} differ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("(Parameter", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_OnlyTheSharesAndSeedsDiffer_Accepted()
    {
        string yaml = "tagged: t\noutput: o\nmixes:\n" + Mix("first", "{ general: 0.9, multilingual: 0.1 }", extra: "seed: 3")
            + Mix("second", "{ general: 0.1, multilingual: 0.9 }", extra: "seed: 4");

        AblationOptions options = AblationConfigLoader.Parse(yaml, "ablation.yaml", "/");

        Assert.Equal(2, options.Mixes.Count);
    }

    [Theory]
    [InlineData("training: { max_steps: 10 }", "'training'")]
    [InlineData("training_tokens: 100", "'training_tokens'")]
    [InlineData("preset: huge", "'preset'")]
    [InlineData("seeds: [1, 1]", "'seeds'")]
    [InlineData("epochs: 3", "epochs")]
    public void Parse_BadTopLevelValue_FailsNamingTheKey(string line, string expected)
    {
        string yaml = "tagged: t\noutput: o\n" + line + "\nmixes:\n" + Mix("first") + Mix("second");

        var error = Assert.Throws<PipelineConfigException>(() => AblationConfigLoader.Parse(yaml, "ablation.yaml", "/"));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_OneMixOrAMissingMixFile_Fails()
    {
        string one = "tagged: t\noutput: o\nmixes:\n" + Mix("first");
        string missing = "tagged: t\noutput: o\nmixes:\n" + Mix("first") + "  second: nowhere.yaml\n";

        Assert.Contains("at least two mixes", Assert.Throws<PipelineConfigException>(() => AblationConfigLoader.Parse(one, "a.yaml", "/")).Message, StringComparison.Ordinal);
        Assert.Contains("/nowhere.yaml' not found", Assert.Throws<PipelineConfigException>(() => AblationConfigLoader.Parse(missing, "a.yaml", "/")).Message, StringComparison.Ordinal);
    }
}
