using CurationPipeline.Dedup.Internal;
using CurationPipeline.Storage;

namespace CurationPipeline.Dedup;

/// <summary>
/// The decision step of paragraph dedup, on paragraph hashes only (never text): every document in identity order
/// (<see cref="Documents.DocumentIdentity.Compare"/>: id, source path, offset), each paragraph checked against and added to one
/// Bloom filter, so a paragraph survives only in the smallest document (and at the first place) that holds it.
/// </summary>
/// <remarks>
/// The order is global and fixed by the documents' identities, never by thread timing, task count or the order of the files,
/// so the decisions are the same for any world size. Documents the drop list removes take no part: a duplicate document
/// never takes a paragraph from the copy that is kept. Memory: the Bloom filter (<see cref="ParagraphDedupOptions"/>), one read
/// buffer and the current document's hashes per file, and the drop list's keys.
/// </remarks>
public static class ParagraphDedup
{
    /// <summary>The extension of the paragraph hash files the tag pass writes beside its signature files.</summary>
    public const string HashFileExtension = ParagraphHashFile.FileExtension;

    /// <summary>Identity order; one identity in two files (a repeated record, which the mix excludes) goes in file order.</summary>
    private static readonly Comparer<(ParagraphHashes Document, int File)> s_headOrder = Comparer<(ParagraphHashes Document, int File)>.Create(
        (x, y) => ParagraphHashes.Compare(x.Document, y.Document) is var c && c != 0 ? c : x.File.CompareTo(y.File));

    /// <summary>Decides which paragraphs to remove and writes the decisions to <paramref name="removalsPath"/> atomically.</summary>
    /// <param name="storage">Where files live.</param>
    /// <param name="hashFiles">Every paragraph hash file of the run (any order).</param>
    /// <param name="dropped">Identity keys of the documents the drop list removes.</param>
    /// <param name="removalsPath">The decisions file to write.</param>
    /// <param name="options">Bloom filter size.</param>
    /// <param name="readBufferBytes">The read buffer of each open file.</param>
    /// <param name="cancellationToken">Stops the step; no decisions file appears then.</param>
    /// <returns>The statistics.</returns>
    /// <exception cref="InvalidDataException">A hash file is damaged.</exception>
    public static async Task<ParagraphDedupStats> RunAsync(IStorage storage, IReadOnlyList<string> hashFiles, IReadOnlySet<UInt128> dropped,
        string removalsPath, ParagraphDedupOptions options, int readBufferBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(hashFiles);
        ArgumentNullException.ThrowIfNull(dropped);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var bloom = new BloomFilter(options.ExpectedParagraphs, options.FalsePositiveRate);
        string[] files = [.. hashFiles.Order(StringComparer.Ordinal)];
        var buffers = new List<ulong>[files.Length];
        var readers = new IEnumerator<ParagraphHashes>[files.Length];
        var queue = new PriorityQueue<int, (ParagraphHashes Document, int File)>(s_headOrder);
        long documents = 0, paragraphs = 0, removedTotal = 0, modified = 0, emptied = 0;
        await using ParagraphRemovalFile output = ParagraphRemovalFile.Create(storage, removalsPath);
        try
        {
            for (int f = 0; f < files.Length; f++)
            {
                buffers[f] = [];
                readers[f] = ParagraphHashFile.Read(storage, files[f], readBufferBytes, buffers[f]).GetEnumerator();
                Advance(queue, readers, f);
            }

            var removed = new List<int>();
            while (queue.TryDequeue(out int f, out (ParagraphHashes Document, int File) head))
            {
                UInt128 key = head.Document.Key;
                if (!dropped.Contains(key))
                {
                    List<ulong> hashes = buffers[f];
                    removed.Clear();
                    for (int p = 0; p < hashes.Count; p++)
                    {
                        if (hashes[p] != ParagraphSplitter.Unremovable && bloom.CheckAndAdd(hashes[p]))
                        {
                            removed.Add(p);
                        }
                    }

                    documents++;
                    paragraphs += hashes.Count;
                    removedTotal += removed.Count;
                    if (removed.Count > 0)
                    {
                        output.Add(key, hashes.Count, removed);
                        (removed.Count == hashes.Count ? ref emptied : ref modified)++;
                    }
                }

                Advance(queue, readers, f);
                if ((documents & 0xFFFF) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }
            }
        }
        finally
        {
            foreach (IEnumerator<ParagraphHashes>? reader in readers)
            {
                reader?.Dispose();
            }
        }

        await output.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new ParagraphDedupStats
        {
            Documents = documents,
            Paragraphs = paragraphs,
            ParagraphsRemoved = removedTotal,
            DocumentsModified = modified,
            DocumentsEmptied = emptied,
            BloomBits = bloom.Bits,
            BloomHashes = bloom.Hashes,
        };
    }

    /// <summary>Queues file <paramref name="f"/>'s next document.</summary>
    private static void Advance(PriorityQueue<int, (ParagraphHashes Document, int File)> queue, IEnumerator<ParagraphHashes>[] readers, int f)
    {
        if (readers[f].MoveNext())
        {
            queue.Enqueue(f, (readers[f].Current, f));
        }
    }
}
