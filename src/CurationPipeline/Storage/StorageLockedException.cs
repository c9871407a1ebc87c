namespace CurationPipeline.Storage;

/// <summary>A lock is held by another holder (another process, or another handle of this one).</summary>
public sealed class StorageLockedException : IOException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="path">The lock's path.</param>
    /// <param name="mode">The mode that was asked for.</param>
    /// <param name="holders">Descriptions of the current holders, as far as the storage knows them (may be empty).</param>
    /// <param name="innerException">The storage's own error, or <c>null</c>.</param>
    public StorageLockedException(string path, StorageLockMode mode, IReadOnlyList<string> holders, Exception? innerException = null)
        : base(Format(path, holders), innerException)
    {
        Path = path;
        Mode = mode;
        Holders = holders;
    }

    /// <summary>The lock's path.</summary>
    public string Path { get; }

    /// <summary>The mode that was asked for.</summary>
    public StorageLockMode Mode { get; }

    /// <summary>Descriptions of the current holders (who, process id, host, start time); empty when the storage cannot tell.</summary>
    public IReadOnlyList<string> Holders { get; }

    private static string Format(string path, IReadOnlyList<string> holders) => holders.Count == 0
        ? $"{path} is locked by another process."
        : $"{path} is locked by {string.Join("; ", holders)}.";
}
