using System.CommandLine;
using CurationPipeline.Cli.Commands;
using CurationPipeline.Configuration;
using CurationPipeline.Mixing;
using CurationPipeline.Pipelines;
using CurationPipeline.Pipelines.Layout;

namespace CurationPipeline.Tests.Mixing;

public sealed class MixCommandTests
{
    private const string SmallMix = """
        name: cli
        seed: 3
        total_tokens: 50000
        domains:
          - domain: code
            when: { column: code, at_least: 0.5 }
        targets: { general: 0.7, code: 0.3 }
        validation_tokens_per_domain: 1000
        llmc_bin: true
        megatron_bin: true
        """;

    [Fact]
    public async Task Mix_ValidConfig_WritesTrainValidationBinAndReport()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        string tagged = await TaggedData.WriteAsync(600, withScores: true, cancellationToken: ct);
        string config = Path.Combine(tagged, "mix.yaml");
        await File.WriteAllTextAsync(config, SmallMix, ct);
        string output = Path.Combine(tagged, "out");

        (int code, _) = await InvokeAsync("mix", tagged, "--config", config, "--output", output, "--seed", "5");

        Assert.Equal(0, code);
        MixReport report = await MixReport.ReadAsync(CurationPipeline.Storage.LocalStorage.Instance, Path.Combine(output, MixReport.FileName), ct);
        Assert.Equal(5UL, report.Seed);
        Assert.InRange(report.TrainTokens, 50_000, 50_200);
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(output, "train"), "*.parquet"));
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(output, "validation"), "*.parquet"));
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(output, "bin"), "*.bin"));
        Assert.Equal(["mix_train.bin", "mix_train.idx", "mix_val.bin", "mix_val.idx"],
            Directory.GetFiles(Path.Combine(output, "megatron")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Mix_ColumnMissing_ExitsWithConfigErrorNamingIt()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        string tagged = await TaggedData.WriteAsync(100, withScores: false, cancellationToken: ct);
        string config = Path.Combine(tagged, "mix.yaml");
        await File.WriteAllTextAsync(config, SmallMix, ct);

        (int code, string error) = await InvokeAsync("mix", tagged, "--config", config, "--output", Path.Combine(tagged, "out"));

        Assert.Equal(1, code);
        Assert.Contains("Column 'code'", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(tagged, "out", MixReport.FileName)));
    }

    [Fact]
    public async Task Mix_MisspelledColumnWithDefault_ExitsWithConfigErrorListingColumns()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        string tagged = await TaggedData.WriteAsync(200, withScores: true, cancellationToken: ct);
        string config = Path.Combine(tagged, "mix.yaml");
        await File.WriteAllTextAsync(config, "filters:\n  - { column: qualty, at_least: 0.3, default: \"1\" }\nvalidation_tokens_per_domain: 1000\n", ct);

        (int code, string error) = await InvokeAsync("mix", tagged, "--config", config, "--output", Path.Combine(tagged, "out"));

        Assert.Equal(1, code);
        Assert.Contains("Column 'qualty'", error, StringComparison.Ordinal);
        Assert.Contains("quality", error, StringComparison.Ordinal); // the known columns
    }

    [Fact]
    public async Task Mix_ValidationSetTakesEverything_ExitsWithConfigErrorNamingTheSetting()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        string tagged = await TaggedData.WriteAsync(200, withScores: true, cancellationToken: ct);

        string config = Path.Combine(tagged, "mix.yaml");
        await File.WriteAllTextAsync(config, SmallMix.Replace("total_tokens: 50000", "total_tokens: 0").Replace("validation_tokens_per_domain: 1000", "validation_tokens_per_domain: 1000000"), ct);

        (int code, string error) = await InvokeAsync("mix", tagged, "--config", config, "--output", Path.Combine(tagged, "out"));

        Assert.Equal(1, code);
        Assert.Contains("validation_tokens_per_domain", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(tagged, "out", MixReport.FileName)));
    }

    [Fact]
    public async Task Mix_SeedNotANumber_SaysSoWithoutTheClrType()
    {
        string dir = TestData.NewTempDirectory();

        (int code, string error) = await InvokeAsync("mix", dir, "--config", Path.Combine(dir, "m.yaml"), "--output", dir, "--seed", "abc");

        Assert.Equal(1, code);
        Assert.Contains("--seed: 'abc' is not a non-negative integer", error, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mix_ConfigFolderMissing_ExitsWithConfigError()
    {
        string dir = TestData.NewTempDirectory();

        (int code, string error) = await InvokeAsync("mix", dir, "--config", Path.Combine(dir, "none", "m.yaml"), "--output", Path.Combine(dir, "out"));

        Assert.Equal(1, code);
        Assert.Contains(Path.Combine(dir, "none", "m.yaml"), error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mix_SharesNotSummingToOne_ExitsWithConfigErrorNamingTargets()
    {
        string dir = TestData.NewTempDirectory();
        string config = Path.Combine(dir, "mix.yaml");
        await File.WriteAllTextAsync(config, "targets: { general: 0.5 }\n", TestContext.Current.CancellationToken);

        (int code, string error) = await InvokeAsync("mix", dir, "--config", config, "--output", Path.Combine(dir, "out"));

        Assert.Equal(1, code);
        Assert.Contains("'targets'", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("llama3-mix.yaml")]
    [InlineData("ablation-code-heavy.yaml")]
    [InlineData("ablation-general-heavy.yaml")]
    public void Load_ShippedMixes_AreValidAndTargetFourDomains(string file)
    {
        MixOptions options = MixConfigLoader.Load(Path.Combine(TestData.RepoRoot, "pipelines", file));

        Assert.Equal(["code", "general", "math", "multilingual"], options.Targets.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(3, options.Domains.Count);
        if (file == "llama3-mix.yaml")
        {
            Assert.Equal(0.50, options.Targets["general"]);
            Assert.Equal(0.25, options.Targets["math"]);
            Assert.Equal(0.17, options.Targets["code"]);
            Assert.Equal(0.08, options.Targets["multilingual"]);
        }
    }

    [Fact]
    public void Parse_UnknownKey_ThrowsWithLine()
    {
        var error = Assert.Throws<PipelineConfigException>(() => MixConfigLoader.Parse("name: x\nmax_epoch: 3\n", "m.yaml"));

        Assert.Equal(2, error.Line);
        Assert.Contains("max_epoch", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mix_OutputOrTaggedDirectoryBeingWritten_ExitsWithRunFailureNamingTheHolder()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        string tagged = await TaggedData.WriteAsync(100, withScores: true, cancellationToken: ct);
        string config = Path.Combine(tagged, "mix.yaml");
        await File.WriteAllTextAsync(config, SmallMix, ct);
        string output = Path.Combine(tagged, "out");
        var storage = CurationPipeline.Storage.LocalStorage.Instance;

        int taggedCode, outputCode;
        string taggedError, outputError;
        await using (await OutputLock.AcquireAsync(storage, tagged, "a run writing the tagged data", ct))
        {
            (taggedCode, taggedError) = await InvokeAsync("mix", tagged, "--config", config, "--output", output);
        }

        await using (await OutputLock.AcquireAsync(storage, output, "another mix", ct))
        {
            (outputCode, outputError) = await InvokeAsync("mix", tagged, "--config", config, "--output", output);
        }

        Assert.Equal(2, taggedCode);
        Assert.Contains("a run writing the tagged data", taggedError, StringComparison.Ordinal);
        Assert.Equal(2, outputCode);
        Assert.Contains("another mix", outputError, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(output, MixReport.FileName)));
    }

    private static async Task<(int Code, string Error)> InvokeAsync(params string[] args)
    {
        var error = new StringWriter();
        TextWriter original = Console.Error;
        Console.SetError(error);
        try
        {
            int code = await new RootCommand { MixCommand.Create() }.Parse(args).InvokeAsync(cancellationToken: TestContext.Current.CancellationToken);
            return (code, error.ToString());
        }
        finally
        {
            Console.SetError(original);
        }
    }
}
