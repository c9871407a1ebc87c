namespace CurationPipeline.Filters.Internal;

/// <summary>Reads the one-entry-per-line list files the URL and bad-words filters take (<c>#</c> starts a comment line).</summary>
internal static class ListFile
{
    /// <summary>Reads the non-empty, non-comment lines of <paramref name="path"/>, trimmed and passed through <paramref name="normalize"/>.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static HashSet<string> Read(string path, Func<string, string> normalize)
    {
        var entries = new HashSet<string>(StringComparer.Ordinal);
        foreach (string raw in File.ReadLines(path))
        {
            string line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            string entry = normalize(line);
            if (entry.Length > 0)
            {
                entries.Add(entry);
            }
        }

        return entries;
    }
}
