namespace CurationPipeline.Storage;

/// <summary>A create-once write (<see cref="IStorage.CreateNew"/>) found the file already there; the existing file is unchanged.</summary>
public sealed class StorageFileExistsException : IOException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="path">The file that exists.</param>
    /// <param name="innerException">The storage's own error, or <c>null</c>.</param>
    public StorageFileExistsException(string path, Exception? innerException = null)
        : base($"{path} already exists; it is created once and was left as it is.", innerException) => Path = path;

    /// <summary>The file that exists.</summary>
    public string Path { get; }
}
