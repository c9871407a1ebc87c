namespace CurationPipeline.Documents;

/// <summary>A record or document that did not make it to the next stage, and why.</summary>
/// <param name="Id">The record or document id, when one could be read.</param>
/// <param name="Url">The URL, when one could be read.</param>
/// <param name="Stage">The stage that rejected it (<c>read</c>, <c>extract</c>, …).</param>
/// <param name="Reason">A stable <c>stage.snake_case</c> reason code, e.g. <c>warc.truncated</c>.</param>
/// <param name="IsError">
/// <c>true</c> when the input was damaged or a stage failed on it (counted as an error);
/// <c>false</c> when it was dropped by a rule (counted as dropped).
/// </param>
/// <param name="Detail">Free text for a human (offset, exception message); never parsed.</param>
public sealed record Rejection(string? Id, string? Url, string Stage, string Reason, bool IsError, string? Detail = null);
