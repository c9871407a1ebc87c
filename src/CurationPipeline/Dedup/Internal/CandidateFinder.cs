using CurationPipeline.Storage;

namespace CurationPipeline.Dedup.Internal;

/// <summary>One rank of the bucket step: merges the sorted band runs of every file and links each bucket's members to its first one.</summary>
internal sealed class CandidateFinder(IStorage storage, SignatureFileSet files, DedupClusterOptions options, string workDirectory)
{
    /// <summary>Writes the pairs of every band <c>b</c> with <c>b mod worldSize == rank</c> (band <c>Bands</c> is the exact section).</summary>
    public async Task<long> RunAsync(int rank, int worldSize, string pairsPath, CancellationToken cancellationToken)
    {
        if (options.JaccardThreshold is not null && !files.HasSketches)
        {
            throw new InvalidOperationException("The Jaccard check needs signature files written with sketches.");
        }

        long pairs = 0;
        await using AtomicWrite write = storage.CreateAtomic(pairsPath);
        using (var writer = new BinaryWriter(write.Stream, System.Text.Encoding.UTF8, leaveOpen: true))
        using (SignatureFileSet.SketchReader? sketches = options.JaccardThreshold is null ? null : files.OpenSketches())
        {
            PairFile.WriteHeader(writer);
            int bands = files.Options.Bands;
            for (int band = rank; band <= bands; band += worldSize)
            {
                bool exact = band == bands;
                var temporaryRuns = new List<string>();
                try
                {
                    IKeyedRun run = await MergeToFanInAsync(files.BandRuns(band, options.ReadBufferBytes), band, temporaryRuns, cancellationToken)
                        .ConfigureAwait(false);
                    using (run)
                    {
                        pairs += LinkBuckets(run, exact ? null : sketches, writer, cancellationToken);
                    }
                }
                finally
                {
                    foreach (string path in temporaryRuns)
                    {
                        storage.Delete(path);
                    }
                }
            }
        }

        await write.CommitAsync(cancellationToken).ConfigureAwait(false);
        return pairs;
    }

    private long LinkBuckets(IKeyedRun run, SignatureFileSet.SketchReader? sketches, BinaryWriter writer, CancellationToken cancellationToken)
    {
        int hashCount = files.Options.HashCount;
        uint[]? anchorSketch = sketches is null ? null : new uint[hashCount];
        uint[]? otherSketch = sketches is null ? null : new uint[hashCount];
        double threshold = options.JaccardThreshold ?? 0;
        long pairs = 0;
        long seen = 0;
        bool haveAnchor = false;
        KeyedDoc anchor = default;
        bool anchorSketchLoaded = false;
        while (run.TryRead(out KeyedDoc record))
        {
            if ((++seen & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (!haveAnchor || record.Key != anchor.Key)
            {
                anchor = record;
                haveAnchor = true;
                anchorSketchLoaded = false;
                continue;
            }

            if (sketches is not null)
            {
                if (!anchorSketchLoaded)
                {
                    sketches.Read(anchor.Doc, anchorSketch);
                    anchorSketchLoaded = true;
                }

                sketches.Read(record.Doc, otherSketch);
                if (MinHasher.EstimateJaccard<uint>(anchorSketch, otherSketch) < threshold)
                {
                    continue;
                }
            }

            writer.Write(anchor.Doc);
            writer.Write(record.Doc);
            pairs++;
        }

        return pairs;
    }

    /// <summary>Merges groups of at most <see cref="DedupClusterOptions.MaxOpenRuns"/> runs into temporary runs until one merge can take them all.</summary>
    private async Task<IKeyedRun> MergeToFanInAsync(List<Func<IKeyedRun>> runs, int band, List<string> temporaryRuns, CancellationToken cancellationToken)
    {
        int generation = 0;
        while (runs.Count > options.MaxOpenRuns)
        {
            var next = new List<Func<IKeyedRun>>();
            for (int start = 0; start < runs.Count; start += options.MaxOpenRuns)
            {
                string path = storage.Combine(workDirectory, $"run-b{band}-g{generation}-{start / options.MaxOpenRuns}.tmp");
                long count = await WriteRunAsync(runs.GetRange(start, Math.Min(options.MaxOpenRuns, runs.Count - start)), path, cancellationToken)
                    .ConfigureAwait(false);
                temporaryRuns.Add(path);
                next.Add(() => new SectionRun(storage.OpenRead(path), 0, count, wide: true, baseIndex: 0, options.ReadBufferBytes));
            }

            runs = next;
            generation++;
        }

        return Open(runs);
    }

    private async Task<long> WriteRunAsync(List<Func<IKeyedRun>> group, string path, CancellationToken cancellationToken)
    {
        long count = 0;
        await using AtomicWrite write = storage.CreateAtomic(path);
        using (var writer = new BinaryWriter(write.Stream, System.Text.Encoding.UTF8, leaveOpen: true))
        using (IKeyedRun merged = Open(group))
        {
            while (merged.TryRead(out KeyedDoc record))
            {
                writer.Write((ulong)record.Key);
                writer.Write((ulong)(record.Key >> 64));
                writer.Write(record.Doc);
                count++;
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        await write.CommitAsync(cancellationToken).ConfigureAwait(false);
        return count;
    }

    private static MergedRun Open(List<Func<IKeyedRun>> runs)
    {
        var opened = new IKeyedRun[runs.Count];
        try
        {
            for (int i = 0; i < runs.Count; i++)
            {
                opened[i] = runs[i]();
            }

            return new MergedRun(opened);
        }
        catch
        {
            foreach (IKeyedRun? run in opened)
            {
                run?.Dispose();
            }

            throw;
        }
    }
}
