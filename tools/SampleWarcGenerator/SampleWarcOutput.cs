namespace SampleWarcGenerator;

/// <summary>The generated sample: the WARC file, the JSON Lines file and a human-readable summary of their contents.</summary>
/// <param name="Warc">The bytes of <c>quickstart.warc.gz</c>.</param>
/// <param name="DocsJsonl">The bytes of <c>quickstart-docs.jsonl</c>.</param>
/// <param name="Summary">Counts per record type, category and charset (the tables in sample-warc/README.md).</param>
public sealed record SampleWarcOutput(byte[] Warc, byte[] DocsJsonl, string Summary);
