using System.Reflection;
using CurationPipeline.Extraction;

namespace CurationPipeline.Tests.Cli;

/// <summary>Every reason code the code can emit is documented, so a count in stats.json or a report always has an explanation.</summary>
public sealed class ReasonCodeDocumentationTests
{
    [Fact]
    public void ReasonConstants_EveryValue_InTheReadmes()
    {
        string docs = File.ReadAllText(Path.Combine(TestData.RepoRoot, "README.md"))
            + File.ReadAllText(Path.Combine(TestData.RepoRoot, "classifiers", "README.md"));
        string[] codes =
        [
            .. new[] { typeof(MainContentExtractor).Assembly, Assembly.Load("CurationPipeline.Training") }
                .SelectMany(assembly => assembly.GetExportedTypes())
                .Where(type => type.Name.EndsWith("Reasons", StringComparison.Ordinal))
                .SelectMany(type => type.GetFields(BindingFlags.Public | BindingFlags.Static))
                .Where(field => field.IsLiteral && field.FieldType == typeof(string) && field.Name != "Stage")
                .Select(field => (string)field.GetRawConstantValue()!)
                .Where(code => code.Contains('.', StringComparison.Ordinal)), // not the language code "unknown"
        ];

        Assert.True(codes.Length > 80, $"{codes.Length} codes found");
        string[] undocumented = [.. codes.Where(code => !docs.Contains($"| `{code}` |", StringComparison.Ordinal))];
        Assert.True(undocumented.Length == 0, "not in README's reason table: " + string.Join(", ", undocumented));
    }
}
