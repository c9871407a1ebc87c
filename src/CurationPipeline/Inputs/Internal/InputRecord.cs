using CurationPipeline.Documents;

namespace CurationPipeline.Inputs.Internal;

/// <summary>Turns the fields of one JSON Lines line or Parquet row into a document or a rejection, the same way for both sources.</summary>
internal static class InputRecord
{
    /// <summary>Builds the item of record <paramref name="index"/> (0-based) of <paramref name="path"/>.</summary>
    /// <param name="id">The id, or <c>null</c>/empty to derive <c>{file name}:{index + 1}</c>.</param>
    /// <param name="url">The URL, when present.</param>
    /// <param name="text">The text; <c>null</c> when absent or not a string.</param>
    /// <param name="date">The date, when present and parseable.</param>
    /// <param name="path">The input file.</param>
    /// <param name="index">The record's 0-based line or row index, stored as <see cref="RawDocument.SourceOffset"/>.</param>
    public static SourceItem ToItem(string? id, string? url, string? text, DateTimeOffset? date, string path, long index)
    {
        string documentId = string.IsNullOrEmpty(id) ? DerivedId(path, index) : id;
        if (text is null)
        {
            return Reject(documentId, url, InputReasons.MissingText, isError: true, $"record {index + 1} has no string 'text'");
        }

        if (text.AsSpan().IsWhiteSpace())
        {
            return Reject(documentId, url, InputReasons.EmptyText, isError: false, null);
        }

        return SourceItem.Of(new RawDocument
        {
            Id = documentId,
            Url = url,
            Date = date,
            Kind = ContentKind.Text,
            Content = text,
            SourcePath = path,
            SourceOffset = index,
        });
    }

    /// <summary>The id of a record that has none: the file name and the 1-based record number.</summary>
    public static string DerivedId(string path, long index) => $"{Path.GetFileName(path)}:{index + 1}";

    public static SourceItem Reject(string? id, string? url, string reason, bool isError, string? detail) =>
        SourceItem.Of(new Rejection(id, url, InputReasons.Stage, reason, isError, detail));
}
