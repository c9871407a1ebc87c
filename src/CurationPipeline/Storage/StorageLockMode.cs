namespace CurationPipeline.Storage;

/// <summary>How <see cref="IStorage.AcquireLockAsync"/> holds a lock.</summary>
public enum StorageLockMode
{
    /// <summary>One holder at a time; refused while anyone else holds the lock in either mode.</summary>
    Exclusive,

    /// <summary>Any number of shared holders at a time; refused while someone holds the lock exclusively.</summary>
    Shared,
}
