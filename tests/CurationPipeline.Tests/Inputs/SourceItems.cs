using CurationPipeline.Documents;
using CurationPipeline.Storage;

namespace CurationPipeline.Tests.Inputs;

/// <summary>Reads every item of a source into a list.</summary>
internal static class SourceItems
{
    public static async Task<List<SourceItem>> ReadAllAsync(IDocumentSource source, string path)
    {
        var items = new List<SourceItem>();
        await foreach (SourceItem item in source.ReadAsync(LocalStorage.Instance, path, TestContext.Current.CancellationToken))
        {
            items.Add(item);
        }

        return items;
    }

    /// <summary>One line per item: <c>doc id</c> or <c>reason id</c>, for exact comparisons.</summary>
    public static string Describe(SourceItem item) =>
        item.Document is { } d ? $"doc {d.Id}" : $"{item.Rejection!.Reason} {item.Rejection.Id}";
}
