namespace CurationPipeline.Storage.Azure;

/// <summary>
/// A parsed blob path: <c>az://container/blob/name</c>, <c>abfs://</c> or <c>abfss://</c> the same (as adlfs and fsspec read
/// them), and <c>az://container@account.blob.core.windows.net/blob/name</c> naming the account (a <c>.dfs.</c> host too).
/// </summary>
/// <param name="Root">The path up to and including the container (with its account when given), e.g. <c>az://data@acct.blob.core.windows.net</c>; blobs' paths are built on it.</param>
/// <param name="Container">The container name.</param>
/// <param name="Account">The storage account the path names, or <c>null</c> for the account the credentials name.</param>
/// <param name="Name">The blob name (or a prefix) inside the container, without a leading <c>/</c>; empty for the container itself.</param>
public readonly record struct AzureBlobPath(string Root, string Container, string? Account, string Name)
{
    private static readonly string[] s_schemes = ["az://", "abfs://", "abfss://"];

    /// <summary>Whether <paramref name="path"/> is a blob path (starts with one of the blob schemes, case-insensitive).</summary>
    public static bool IsBlobPath(string path) =>
        path is not null && s_schemes.Any(s => path.StartsWith(s, StringComparison.OrdinalIgnoreCase));

    /// <summary>Parses a blob path.</summary>
    /// <exception cref="ArgumentException">The path is not a blob path, or names no container.</exception>
    public static AzureBlobPath Parse(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string? scheme = s_schemes.FirstOrDefault(s => path.StartsWith(s, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"'{path}' is not a blob path (az://container/path, abfs://container/path).", nameof(path));
        string rest = path[scheme.Length..];
        int slash = rest.IndexOf('/', StringComparison.Ordinal);
        string authority = slash < 0 ? rest : rest[..slash];
        string name = slash < 0 ? "" : rest[(slash + 1)..].TrimStart('/');
        string container = authority;
        string? account = null;
        int at = authority.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            container = authority[..at];
            string host = authority[(at + 1)..];
            int dot = host.IndexOf('.', StringComparison.Ordinal);
            account = dot < 0 ? host : host[..dot];
        }

        if (container.Length == 0 || (account is not null && account.Length == 0))
        {
            throw new ArgumentException($"'{path}' names no container (az://container/path or az://container@account.blob.core.windows.net/path).", nameof(path));
        }

        return new AzureBlobPath(path[..(scheme.Length + authority.Length)], container, account, name);
    }

    /// <summary>The path of blob <paramref name="name"/> in the same container.</summary>
    public string WithName(string name) => name.Length == 0 ? Root : Root + "/" + name;

    /// <summary>The full path.</summary>
    public override string ToString() => WithName(Name);
}
