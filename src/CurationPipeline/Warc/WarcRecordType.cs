namespace CurationPipeline.Warc;

/// <summary>WARC record types (WARC 1.1 §6), as flags so options can select a set.</summary>
[Flags]
public enum WarcRecordType
{
    /// <summary>No type (damage entries).</summary>
    None = 0,

    /// <summary><c>warcinfo</c>; also an ARC file's <c>filedesc</c> record.</summary>
    Warcinfo = 1,

    /// <summary><c>response</c>; also every ARC capture of an http(s) URL.</summary>
    Response = 2,

    /// <summary><c>resource</c>; also ARC captures of non-HTTP URLs (e.g. <c>dns:</c>).</summary>
    Resource = 4,

    /// <summary><c>request</c>.</summary>
    Request = 8,

    /// <summary><c>metadata</c>.</summary>
    Metadata = 16,

    /// <summary><c>revisit</c>.</summary>
    Revisit = 32,

    /// <summary><c>conversion</c> (WET text).</summary>
    Conversion = 64,

    /// <summary><c>continuation</c>.</summary>
    Continuation = 128,

    /// <summary>A missing or unrecognised WARC-Type value.</summary>
    Unknown = 256,
}
