namespace CurationPipeline.Warc.Internal;

/// <summary>Which record syntax a file uses; decided by its first record.</summary>
internal enum ArchiveFormat
{
    /// <summary>Not decided yet (nothing read, or only junk).</summary>
    Unknown,

    /// <summary>WARC (any version) or WET/WAT.</summary>
    Warc,

    /// <summary>ARC v1 header lines.</summary>
    Arc,
}
