using CurationPipeline.Storage;

namespace CurationPipeline.Tests.Warc;

/// <summary>A read-only in-memory <see cref="IStorage"/> holding one file, so crafted and mutated bytes go through the public source.</summary>
internal sealed class MemoryStorage(string path, byte[] content) : IStorage
{
    public Stream OpenRead(string p) => p == path ? new MemoryStream(content, writable: false) : throw new FileNotFoundException(p);

    public AtomicWrite CreateAtomic(string p) => throw new NotSupportedException();

    public IReadOnlyList<string> List(string pattern) => [path];

    public bool Exists(string p) => p == path;

    public long Length(string p) => p == path ? content.Length : throw new FileNotFoundException(p);

    public void Delete(string p) => throw new NotSupportedException();

    public void DeleteEmptyDirectory(string p) => throw new NotSupportedException();

    public string Combine(params string[] parts) => string.Join('/', parts);
}
