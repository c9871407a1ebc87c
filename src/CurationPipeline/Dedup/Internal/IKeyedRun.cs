namespace CurationPipeline.Dedup.Internal;

/// <summary>A stream of <see cref="KeyedDoc"/> in ascending order.</summary>
internal interface IKeyedRun : IDisposable
{
    /// <summary>Reads the next record; <c>false</c> at the end.</summary>
    bool TryRead(out KeyedDoc record);
}
