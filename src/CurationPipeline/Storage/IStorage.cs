namespace CurationPipeline.Storage;

/// <summary>Every file access of the pipeline goes through this abstraction, so a remote store is an addition, not a rewrite.</summary>
/// <remarks>Paths are storage-relative strings with <c>/</c> separators or absolute local paths. Implementations are thread-safe.</remarks>
public interface IStorage
{
    /// <summary>Opens a file for sequential reading.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    Stream OpenRead(string path);

    /// <summary>Starts writing <paramref name="path"/> atomically: the data goes to a temporary name and appears under
    /// <paramref name="path"/> only when <see cref="AtomicWrite.CommitAsync"/> runs. Disposing without commit deletes the temporary file.</summary>
    AtomicWrite CreateAtomic(string path);

    /// <summary>Lists files matching <paramref name="pattern"/>: a file, a directory (all files below it) or a glob (<c>*</c>, <c>**</c>, <c>?</c>).</summary>
    /// <returns>Matching file paths in ordinal order.</returns>
    IReadOnlyList<string> List(string pattern);

    /// <summary>Whether a file exists.</summary>
    bool Exists(string path);

    /// <summary>The size of a file in bytes.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    long Length(string path);

    /// <summary>Deletes a file if it exists.</summary>
    void Delete(string path);

    /// <summary>Removes a directory if it exists and is empty (a scratch folder after its files were deleted); stores without directories do nothing.</summary>
    void DeleteEmptyDirectory(string path);

    /// <summary>Combines path segments the way this storage does.</summary>
    string Combine(params string[] parts);
}
