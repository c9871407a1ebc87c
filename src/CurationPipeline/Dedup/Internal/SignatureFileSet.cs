using System.Text;
using CurationPipeline.Storage;

namespace CurationPipeline.Dedup.Internal;

/// <summary>The signature files of a corpus in ordinal path order, with the global index of each file's first document.</summary>
/// <remarks>Every method opens its own streams, so band tasks may read the set concurrently.</remarks>
internal sealed class SignatureFileSet
{
    private readonly IStorage _storage;
    private readonly string[] _paths;
    private readonly SignatureFileHeader[] _headers;
    private readonly int[] _bases;

    private SignatureFileSet(IStorage storage, string[] paths, SignatureFileHeader[] headers, int[] bases, int documentCount)
    {
        _storage = storage;
        _paths = paths;
        _headers = headers;
        _bases = bases;
        DocumentCount = documentCount;
    }

    /// <summary>The options shared by the files; defaults when there are no documents.</summary>
    public MinHashOptions Options => _headers.Length > 0 ? _headers[0].Options : new MinHashOptions();

    public int DocumentCount { get; }

    public bool HasSketches => Array.TrueForAll(_headers, h => h.HasSketches);

    /// <summary>Reads every header and checks that all files share the same MinHash options.</summary>
    /// <exception cref="InvalidDataException">A file is damaged, the options differ, or there are more than 2^31 − 1 documents.</exception>
    public static SignatureFileSet Open(IStorage storage, IReadOnlyList<string> signatureFiles)
    {
        string[] sorted = [.. signatureFiles];
        Array.Sort(sorted, StringComparer.Ordinal);
        var paths = new List<string>(sorted.Length);
        var headers = new List<SignatureFileHeader>(sorted.Length);
        var bases = new List<int>(sorted.Length);
        long total = 0;
        foreach (string path in sorted)
        {
            SignatureFileHeader header;
            using (Stream stream = storage.OpenRead(path))
            using (var reader = new BinaryReader(stream))
            {
                header = SignatureFileHeader.Read(reader, path, storage.Length(path));
            }

            if (headers.Count > 0 && header.Options != headers[0].Options)
            {
                throw new InvalidDataException($"{path}: MinHash options {header.Options} differ from {paths[0]}'s {headers[0].Options}.");
            }

            // Files without documents add nothing; leaving them out keeps the bases strictly increasing.
            if (header.Count == 0)
            {
                continue;
            }

            paths.Add(path);
            headers.Add(header);
            bases.Add((int)total);
            total += header.Count;
            if (total > int.MaxValue)
            {
                throw new InvalidDataException("More than 2^31 − 1 documents in one dedup scope.");
            }
        }

        return new SignatureFileSet(storage, [.. paths], [.. headers], [.. bases], (int)total);
    }

    /// <summary>Opens one sorted run per file over band <paramref name="band"/>, or over the exact section when it equals <c>Bands</c>.</summary>
    public List<Func<IKeyedRun>> BandRuns(int band, int bufferBytes)
    {
        var runs = new List<Func<IKeyedRun>>(_paths.Length);
        for (int i = 0; i < _paths.Length; i++)
        {
            SignatureFileHeader header = _headers[i];
            string path = _paths[i];
            int baseIndex = _bases[i];
            bool exact = band == header.Options.Bands;
            long offset = exact ? header.ExactOffset : header.BandOffset(band);
            runs.Add(() => new SectionRun(_storage.OpenRead(path), offset, header.Count, exact, baseIndex, bufferBytes));
        }

        return runs;
    }

    /// <summary>Streams every document in global index order.</summary>
    public IEnumerable<SignedDocument> Documents(int bufferBytes)
    {
        for (int i = 0; i < _paths.Length; i++)
        {
            using Stream stream = _storage.OpenRead(_paths[i]);
            stream.Seek(SignatureFileLayout.HeaderBytes, SeekOrigin.Begin);
            using var reader = new BinaryReader(new BufferedStream(stream, bufferBytes), Encoding.UTF8);
            for (int local = 0; local < _headers[i].Count; local++)
            {
                ushort priority = reader.ReadUInt16();
                ulong low = reader.ReadUInt64();
                ulong high = reader.ReadUInt64();
                ulong urlHash = reader.ReadUInt64();
                long dateTicks = reader.ReadInt64();
                string id = reader.ReadString();
                string sourcePath = reader.ReadString();
                long sourceOffset = reader.ReadInt64();
                yield return new SignedDocument(_bases[i] + local, id, sourcePath, sourceOffset, priority, new UInt128(high, low), urlHash, dateTicks);
            }
        }
    }

    /// <summary>Random access to sketches for the Jaccard check; one stream per file, opened on first use.</summary>
    public SketchReader OpenSketches() => new(this);

    /// <summary>Reads sketches by global document index.</summary>
    internal sealed class SketchReader : IDisposable
    {
        private readonly SignatureFileSet _set;
        private readonly Stream?[] _streams;
        private readonly byte[] _buffer;

        public SketchReader(SignatureFileSet set)
        {
            _set = set;
            _streams = new Stream?[set._paths.Length];
            _buffer = new byte[set.Options.HashCount * 4];
        }

        public void Read(int doc, Span<uint> sketch)
        {
            int file = Array.BinarySearch(_set._bases, doc);
            if (file < 0)
            {
                file = ~file - 1;
            }

            Stream stream = _streams[file] ??= _set._storage.OpenRead(_set._paths[file]);
            stream.Seek(_set._headers[file].SketchOffset + (long)(doc - _set._bases[file]) * _buffer.Length, SeekOrigin.Begin);
            stream.ReadExactly(_buffer);
            System.Runtime.InteropServices.MemoryMarshal.Cast<byte, uint>(_buffer).CopyTo(sketch);
        }

        public void Dispose()
        {
            foreach (Stream? s in _streams)
            {
                s?.Dispose();
            }
        }
    }
}
