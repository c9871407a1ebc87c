using System.Text;
using CurationPipeline.Dedup.Internal;
using CurationPipeline.Storage;

namespace CurationPipeline.Dedup;

/// <summary>Collects the signatures of one shard and writes them as one binary signature file, atomically.</summary>
/// <remarks>
/// Layout (little-endian; version 3):
/// <list type="number">
/// <item>Header: magic <c>CPSG</c>, version, flags (bit 0: sketches present), shingle kind and size, bands, rows, seed,
/// producing rank, document count, document-table length.</item>
/// <item>Document table, in insertion order (the document index): priority (u16), exact hash (2 × u64), URL key (u64), capture
/// time (i64 UTC ticks), then id, source path (each 7-bit length-prefixed UTF-8) and source offset (i64).</item>
/// <item>Optional sketches: per document, <c>Bands × Rows</c> u32 values.</item>
/// <item>Per band, one record per document, sorted by (band hash, index): band hash (u64), document index (i32).</item>
/// <item>Exact section, sorted the same way: exact hash (2 × u64), document index (i32).</item>
/// </list>
/// Each band section is a sorted run, so the global step merges files without sorting them again.
/// Not thread-safe: one writer per shard, fed from one thread. Memory: about <c>12 × Bands + 56 + id</c> bytes per document,
/// plus <c>4 × Bands × Rows</c> with sketches.
/// </remarks>
public sealed class SignatureFileWriter
{
    /// <summary>The conventional file name suffix of signature files.</summary>
    public const string FileExtension = ".dedupsig";

    private readonly List<DocumentSignature> _documents = [];

    /// <summary>Creates a writer.</summary>
    /// <param name="options">The options every added signature was made with.</param>
    /// <param name="rank">The rank (task) producing the shard; recorded in the header.</param>
    /// <param name="includeSketches">Store the 32-bit sketches needed by the optional Jaccard check (<see cref="DedupClusterOptions.JaccardThreshold"/>).</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range, or <paramref name="rank"/> is negative.</exception>
    public SignatureFileWriter(MinHashOptions options, int rank, bool includeSketches)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        ArgumentOutOfRangeException.ThrowIfNegative(rank);
        Options = options;
        Rank = rank;
        IncludeSketches = includeSketches;
    }

    /// <summary>The MinHash options of the file.</summary>
    public MinHashOptions Options { get; }

    /// <summary>The producing rank.</summary>
    public int Rank { get; }

    /// <summary>Whether sketches are written.</summary>
    public bool IncludeSketches { get; }

    /// <summary>Number of documents added so far; the next one gets this index.</summary>
    public int Count => _documents.Count;

    /// <summary>Adds a document; its index in the file is the number added before it.</summary>
    /// <param name="signature">A signature made with <see cref="Options"/>.</param>
    /// <exception cref="ArgumentException">The signature's band count or sketch length does not match <see cref="Options"/>.</exception>
    public void Add(DocumentSignature signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        if (signature.BandHashes.Length != Options.Bands || signature.Sketch.Length != Options.HashCount)
        {
            throw new ArgumentException("The signature was made with other MinHash options.", nameof(signature));
        }

        _documents.Add(signature);
    }

    /// <summary>Writes every added document to <paramref name="path"/> through <see cref="IStorage.CreateAtomic"/>.</summary>
    /// <param name="storage">Where to write.</param>
    /// <param name="path">The final path.</param>
    /// <param name="cancellationToken">Stops the write; nothing appears under <paramref name="path"/> then.</param>
    public async Task WriteAsync(IStorage storage, string path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentException.ThrowIfNullOrEmpty(path);
        await using AtomicWrite write = storage.CreateAtomic(path);
        using (var writer = new BinaryWriter(write.Stream, Encoding.UTF8, leaveOpen: true))
        {
            WriteHeader(writer);
            foreach (DocumentSignature d in _documents)
            {
                writer.Write(d.Priority);
                writer.Write((ulong)d.ExactHash);
                writer.Write((ulong)(d.ExactHash >> 64));
                writer.Write(d.UrlHash);
                writer.Write(d.DateTicks);
                writer.Write(d.Id);
                writer.Write(d.SourcePath);
                writer.Write(d.SourceOffset);
            }

            if (IncludeSketches)
            {
                foreach (DocumentSignature d in _documents)
                {
                    foreach (uint value in d.Sketch)
                    {
                        writer.Write(value);
                    }
                }
            }

            cancellationToken.ThrowIfCancellationRequested();
            WriteSortedSections(writer, cancellationToken);
        }

        await write.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private void WriteHeader(BinaryWriter writer)
    {
        long tableBytes = 0;
        foreach (DocumentSignature d in _documents)
        {
            int idBytes = Encoding.UTF8.GetByteCount(d.Id);
            int pathBytes = Encoding.UTF8.GetByteCount(d.SourcePath);
            tableBytes += SignatureFileLayout.DocumentFixedBytes + SignatureFileLayout.SevenBitLength(idBytes) + idBytes
                + SignatureFileLayout.SevenBitLength(pathBytes) + pathBytes + sizeof(long);
        }

        new SignatureFileHeader(Options, Rank, _documents.Count, IncludeSketches, tableBytes).Write(writer);
    }

    private void WriteSortedSections(BinaryWriter writer, CancellationToken cancellationToken)
    {
        int n = _documents.Count;
        var keys = new ulong[n];
        var indexes = new int[n];
        for (int band = 0; band < Options.Bands; band++)
        {
            for (int i = 0; i < n; i++)
            {
                keys[i] = _documents[i].BandHashes[band];
                indexes[i] = i;
            }

            // Indexes start ascending, and the introsort is unstable, so equal keys are re-sorted by index below.
            Array.Sort(keys, indexes);
            SortEqualRunsByIndex(keys, indexes);
            for (int i = 0; i < n; i++)
            {
                writer.Write(keys[i]);
                writer.Write(indexes[i]);
            }

            cancellationToken.ThrowIfCancellationRequested();
        }

        var exact = new (UInt128 Hash, int Index)[n];
        for (int i = 0; i < n; i++)
        {
            exact[i] = (_documents[i].ExactHash, i);
        }

        Array.Sort(exact);
        foreach ((UInt128 hash, int index) in exact)
        {
            writer.Write((ulong)hash);
            writer.Write((ulong)(hash >> 64));
            writer.Write(index);
        }
    }

    private static void SortEqualRunsByIndex(ulong[] keys, int[] indexes)
    {
        int start = 0;
        for (int i = 1; i <= keys.Length; i++)
        {
            if (i == keys.Length || keys[i] != keys[start])
            {
                if (i - start > 1)
                {
                    Array.Sort(indexes, start, i - start);
                }

                start = i;
            }
        }
    }
}
