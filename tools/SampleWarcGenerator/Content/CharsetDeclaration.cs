namespace SampleWarcGenerator.Content;

/// <summary>Where a non-English page declares its character encoding.</summary>
internal enum CharsetDeclaration
{
    /// <summary>Both the HTTP Content-Type header and a &lt;meta charset&gt;.</summary>
    HeaderAndMeta,

    /// <summary>Only the HTTP Content-Type header.</summary>
    HeaderOnly,

    /// <summary>Only &lt;meta charset="..."&gt; (the HTTP header says plain text/html).</summary>
    MetaCharset,

    /// <summary>Only &lt;meta http-equiv="Content-Type" content="text/html; charset=..."&gt;.</summary>
    MetaHttpEquiv,

    /// <summary>No declaration anywhere; the encoding must be detected.</summary>
    None,

    /// <summary>A UTF-8 byte order mark plus &lt;meta charset&gt;.</summary>
    Bom,
}
