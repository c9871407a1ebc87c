namespace CurationPipeline.Storage;

/// <summary>
/// Local copies of remote files that a library can only open from disk (ONNX models, tokenizer files, word lists, the mix file):
/// a remote file or folder is downloaded into the storage's scratch folder; a local path is returned as it is.
/// </summary>
public static class LocalCopy
{
    private const string Folder = "local-copy";

    /// <summary>Returns a local path holding <paramref name="path"/>: the path itself when it is local, else a fresh copy of the remote file, or of every file under the remote folder.</summary>
    /// <param name="storage">The storage that reads <paramref name="path"/> and names the scratch folder.</param>
    /// <param name="path">A file or folder path.</param>
    /// <returns>The local file or folder.</returns>
    /// <exception cref="FileNotFoundException">The remote path is neither a file nor a folder with files.</exception>
    public static string Of(IStorage storage, string path)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(path);
        if (!RoutingStorage.IsRemote(path))
        {
            return path;
        }

        string target = storage.ScratchDirectory(path, Folder);
        if (storage.Exists(path))
        {
            string file = Path.Combine(target, Path.GetFileName(path));
            Download(storage, path, file);
            return file;
        }

        string prefix = path.TrimEnd('/') + "/";
        IReadOnlyList<string> files = storage.List(path);
        if (files.Count == 0)
        {
            throw new FileNotFoundException($"'{path}' is neither a blob nor a folder of blobs.", path);
        }

        foreach (string file in files)
        {
            Download(storage, file, Path.Combine(target, file[prefix.Length..]));
        }

        return target;
    }

    private static void Download(IStorage storage, string remote, string local)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(local)!);
        string temporary = Path.Combine(Path.GetDirectoryName(local)!, $".tmp-{Guid.NewGuid():N}-{Path.GetFileName(local)}");
        try
        {
            using (Stream source = storage.OpenRead(remote))
            using (var destination = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                source.CopyTo(destination);
            }

            File.Move(temporary, local, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
