namespace CurationPipeline.Inputs;

/// <summary>Stable reason codes of the JSON Lines and Parquet input sources (the <c>read</c> stage).</summary>
/// <remarks>Every code except <see cref="EmptyText"/> is an error (<see cref="Documents.Rejection.IsError"/>): the input was damaged.</remarks>
public static class InputReasons
{
    /// <summary>The stage name of every rejection the input sources produce.</summary>
    public const string Stage = "read";

    /// <summary>A JSON Lines line is not one JSON object (bad syntax, invalid UTF-8, trailing data, not an object).</summary>
    public const string JsonLinesMalformed = "jsonl.malformed";

    /// <summary>A JSON Lines line is longer than <see cref="JsonLinesOptions.MaxLineBytes"/>; it is skipped without being buffered whole.</summary>
    public const string JsonLinesLineTooLong = "jsonl.line_too_long";

    /// <summary>The compressed input is damaged or truncated; the rest of the file cannot be read.</summary>
    public const string DecompressFailed = "input.decompress_failed";

    /// <summary>The record has no <c>text</c>, or it is not a string.</summary>
    public const string MissingText = "input.missing_text";

    /// <summary>The record's <c>text</c> is empty or only whitespace (dropped, not an error).</summary>
    public const string EmptyText = "input.empty_text";

    /// <summary>The record's <c>id</c> is neither a string nor a number.</summary>
    public const string InvalidId = "input.invalid_id";

    /// <summary>The Parquet file, or one of its row groups, cannot be decoded.</summary>
    public const string ParquetMalformed = "parquet.malformed";

    /// <summary>The Parquet file has no <c>text</c> column.</summary>
    public const string ParquetMissingColumn = "parquet.missing_column";

    /// <summary>A Parquet column the source reads (<c>id</c>, <c>url</c>, <c>text</c>, <c>date</c>) has a type it cannot read.</summary>
    public const string ParquetUnsupportedColumn = "parquet.unsupported_column";
}
