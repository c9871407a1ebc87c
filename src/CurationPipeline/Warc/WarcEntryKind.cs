namespace CurationPipeline.Warc;

/// <summary>What a <see cref="WarcRecord"/> from <see cref="WarcReader"/> stands for.</summary>
public enum WarcEntryKind
{
    /// <summary>A record (WARC or ARC) whose header was read; it may still carry a <see cref="WarcRecord.Problem"/>.</summary>
    Record,

    /// <summary>A damaged region of the file that could not be read as a record (junk, corrupt gzip, bad framing).</summary>
    Damage,
}
